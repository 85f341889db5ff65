def a(s): return s.encode().hex()
LBK = a("Test Using Larger Than Block-Size Key - Hash Key First")
LBKD = a("Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data")
RFC2202_MD5 = [  # (case, key, data, mac)
 (1, "0b"*16, a("Hi There"), "9294727a3638bb1c13f48ef8158bfc9d"),
 (2, a("Jefe"), a("what do ya want for nothing?"), "750c783e6ab0b503eaa86e310a5db738"),
 (3, "aa"*16, "dd"*50, "56be34521d144c88dbb8c733f0e8b3f6"),
 (4, "0102030405060708090a0b0c0d0e0f10111213141516171819", "cd"*50, "697eaf0aca3a3aea3a75164746ffaa79"),
 (5, "0c"*16, a("Test With Truncation"), "56461ef2342edc00f9bab995690efd4c"),
 (6, "aa"*80, LBK, "6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd"),
 (7, "aa"*80, LBKD, "6f630fad67cda0ee1fb1f562db3aa53e"),
]
RFC2202_SHA1 = [
 (1, "0b"*20, a("Hi There"), "b617318655057264e28bc0b6fb378c8ef146be00"),
 (2, a("Jefe"), a("what do ya want for nothing?"), "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"),
 (3, "aa"*20, "dd"*50, "125d7342b9ac11cd91a39af48aa17b4f63f175d3"),
 (4, "0102030405060708090a0b0c0d0e0f10111213141516171819", "cd"*50, "4c9007f4026250c6bc8414f9bf50c86c2d7235da"),
 (5, "0c"*20, a("Test With Truncation"), "4c1a03424b55e07fe7f27be1d58bb9324a9a5a04"),
 (6, "aa"*80, LBK, "aa4ae5e15272d00e95705637ce8a3b55ed402112"),
 (7, "aa"*80, LBKD, "e8e99d0f45237d786d6bbaa7965c7808bbff1a91"),
]
TC7D = a("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.")
RFC4231 = {  # case -> (key, data, {256,384,512})
 1: ("0b"*20, a("Hi There"), {256: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
     384: "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59cfaea9ea9076ede7f4af152e8b2fa9cb6",
     512: "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854"}),
 2: (a("Jefe"), a("what do ya want for nothing?"), {256: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
     384: "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649",
     512: "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"}),
 3: ("aa"*20, "dd"*50, {256: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
     384: "88062608d3e6ad8a0aa2ace014c8a86f0aa635d947ac9febe83ef4e55966144b2a5ab39dc13814b94e3ab6e101a34f27",
     512: "fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39bf3e848279a722c806b485a47e67c807b946a337bee8942674278859e13292fb"}),
 4: ("0102030405060708090a0b0c0d0e0f10111213141516171819", "cd"*50, {256: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
     384: "3e8a69b7783c25851933ab6290af6ca77a9981480850009cc5577c6e1f573b4e6801dd23c4a7d679ccf8a386c674cffb",
     512: "b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3dba91ca5c11aa25eb4d679275cc5788063a5f19741120c4f2de2adebeb10a298dd"}),
 6: ("aa"*131, LBK, {256: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
     384: "4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c60c2ef6ab4030fe8296248df163f44952",
     512: "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598"}),
 7: ("aa"*131, TC7D, {256: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
     384: "6617178e941f020d351e2f254e8fd32c602420feb0b8fb9adccebb82461e99c5a678cc31e799176d3860e6110c46523e",
     512: "e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58"}),
}
RFC4868_AUTH = {  # bits -> [(case, key, data, truncated mac)]
 256: [(1, "0b"*32, a("Hi There"), "198a607eb44bfbc69903a0f1cf2bbdc5"),
       (2, a("Jefe")*8, a("what do ya want for nothing?"), "167f928588c5cc2eef8e3093caa0e87c"),
       (3, "aa"*32, "dd"*50, "cdcb1220d1ecccea91e53aba3092f962")],
 384: [(1, "0b"*48, a("Hi There"), "b6a8d5636f5c6a7224f9977dcf7ee6c7fb6d0c48cbdee973"),
       (2, a("Jefe")*12, a("what do ya want for nothing?"), "2c7353974f1842fd66d53c452ca42122b28c0b594cfb184d"),
       (3, "aa"*48, "dd"*50, "809f439be00274321d4a538652164b53554a508184a0c316")],
 512: [(1, "0b"*64, a("Hi There"), "637edc6e01dce7e6742a99451aae82df23da3e92439e590e43e761b33e910fb8"),
       (2, a("Jefe")*16, a("what do ya want for nothing?"), "cb370917ae8a7ce28cfd1d8f4705d6141c173b2a9362c15df235dfb251b15454"),
       (3, "aa"*64, "dd"*50, "2ee7acd783624ca9398710f3ee05ae41b9f9b0510c87e49e586cc9bf961733d8")],
}
MD5 = [("", "d41d8cd98f00b204e9800998ecf8427e"), ("a", "0cc175b9c0f1b6a831c399e269772661"), ("abc", "900150983cd24fb0d6963f7d28e17f72"),
       ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"), ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
       ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"),
       ("1234567890"*8, "57edf4a22be3c955ac49da2e2107b67a")]
M448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
M896 = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
SHA = {
 "sha1": [("FIPS 180-2 Appendix A.1 (one-block message \"abc\")", "abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
          ("FIPS 180-2 Appendix A.2 (multi-block message)", M448, "84983e441c3bd26ebaae4aa1f95129e5e54670f1")],
 "sha2-256": [("FIPS 180-2 Appendix B.1 (one-block message \"abc\")", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
              ("FIPS 180-2 Appendix B.2 (multi-block message)", M448, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")],
 "sha2-384": [("FIPS 180-2 Appendix D.1 (one-block message \"abc\")", "abc", "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"),
              ("FIPS 180-2 Appendix D.2 (multi-block message)", M896, "09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039")],
 "sha2-512": [("FIPS 180-2 Appendix C.1 (one-block message \"abc\")", "abc", "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"),
              ("FIPS 180-2 Appendix C.2 (multi-block message)", M896, "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909")],
}
