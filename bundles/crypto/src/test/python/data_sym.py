# Published symmetric vectors, typed from the documents (checked by gen.py against OpenSSL via Python cryptography).
def a(s): return s.encode().hex()
PT38A = "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710"
CBC = {
 "aes-128-cbc": [
  ("NIST SP 800-38A F.2.1 CBC-AES128.Encrypt, blocks 1-4", "2b7e151628aed2a6abf7158809cf4f3c", "000102030405060708090a0b0c0d0e0f", PT38A,
   "7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b273bed6b8e3c1743b7116e69e222295163ff1caa1681fac09120eca307586e1a7"),
  ("RFC 3602 section 4, Case #1", "06a9214036b8a15b512e03d534120006", "3dafba429d9eb430b422da802c9fac41", a("Single block msg"), "e353779c1079aeb82708942dbe77181a"),
  ("RFC 3602 section 4, Case #2", "c286696d887c9aa0611bbb3e2025a45a", "562e17996d093d28ddb3ba695a2e6f58", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
   "d296cd94c2cccf8a3a863028b5e1dc0a7586602d253cfff91b8266bea6d61ab1"),
 ],
 "aes-192-cbc": [
  ("NIST SP 800-38A F.2.3 CBC-AES192.Encrypt, blocks 1-4", "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b", "000102030405060708090a0b0c0d0e0f", PT38A,
   "4f021db243bc633d7178183a9fa071e8b4d9ada9ad7dedf4e5e738763f69145a571b242012fb7ae07fa9baac3df102e008b0e27988598881d920a9e64f5615cd"),
 ],
 "aes-256-cbc": [
  ("NIST SP 800-38A F.2.5 CBC-AES256.Encrypt, blocks 1-4", "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4", "000102030405060708090a0b0c0d0e0f", PT38A,
   "f58c4c04d6e5f1ba779eabfb5f7bfbd69cfc4e967edb808d679f777bc6702c7d39f23369a9d9bacfa530e26304231461b2eb05e2c39be9fcda6c19078c6a9d1b"),
 ],
 "des-cbc": [
  ("FIPS 81 Appendix C, Table C1 (CBC mode, \"Now is the time for all \")", "0123456789abcdef", "1234567890abcdef", a("Now is the time for all "),
   "e5c7cdde872bf27c43e934008c389c0f683788499a7c05f6"),
 ],
 "3des-cbc": [
  ("NIST SP 800-67 Rev. 1 Appendix B.1, block 1 (one CBC block with a zero IV is the ECB block of the example)",
   "0123456789abcdef23456789abcdef01456789abcdef0123", "0000000000000000", "5468652071756663", "a826fd8ce53b855f"),
  ("NIST SP 800-67 Rev. 1 Appendix B.1, block 2 (one CBC block with a zero IV is the ECB block of the example)",
   "0123456789abcdef23456789abcdef01456789abcdef0123", "0000000000000000", "6b2062726f776e20", "cce21c8112256fe6"),
  ("NIST SP 800-67 Rev. 1 Appendix B.1, block 3 (one CBC block with a zero IV is the ECB block of the example)",
   "0123456789abcdef23456789abcdef01456789abcdef0123", "0000000000000000", "666f78206a756d70", "68d5c05dd9b6b900"),
  ("NIST CAVP TDES Multi-block Message Test TCBCMMT3, COUNT 0 (as quoted in strongSwan test_vectors/3des_cbc.c)",
   "627f460e08104a1043cd265d5840eaf1313edf97df2a8a8c", "8e29f75ea77e5475", "326a494cd33fe756", "b22b8d66de970692"),
  ("NIST CAVP TDES Multi-block Message Test TCBCMMT3, COUNT 1 (as quoted in strongSwan test_vectors/3des_cbc.c)",
   "37ae5ebf46dff2dc0754b94f31cbb3855e7fd36dc870bfae", "3d1de3cc132e3b65", "84401f78fe6c10876d8ea23094ea5309", "7b1f7c7e3b1c948ebd04a75ffba7d2f5"),
 ],
}
# RFC 3686: key field = AES key || nonce (4 bytes)
CTR = {
 "aes-128-ctr": [
  ("RFC 3686 section 6, Test Vector #1", "ae6852f8121067cc4bf7a5765577f39e" "00000030", "0000000000000000", a("Single block msg"), "e4095d4fb7a7b3792d6175a3261311b8"),
  ("RFC 3686 section 6, Test Vector #2", "7e24067817fae0d743d6ce1f32539163" "006cb6db", "c0543b59da48d90b",
   "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "5104a106168a72d9790d41ee8edad388eb2e1efc46da57c8fce630df9141be28"),
  ("RFC 3686 section 6, Test Vector #3", "7691be035e5020a8ac6e618529f9a0dc" "00e0017b", "27777f3f4a1786f0",
   "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20212223", "c1cf48a89f2ffdd9cf4652e9efdb72d74540a42bde6d7836d59a5ceaaef3105325b2072f"),
 ],
 "aes-192-ctr": [
  ("RFC 3686 section 6, Test Vector #4", "16af5b145fc9f579c175f93e3bfb0eed863d06ccfdb78515" "00000048", "36733c147d6d93cb", a("Single block msg"), "4b55384fe259c9c84e7935a003cbe928"),
  ("RFC 3686 section 6, Test Vector #5", "7c5cb2401b3dc33c19e7340819e0f69c678c3db8e6f6a91a" "0096b03b", "020c6eadc2cb500d",
   "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "453243fc609b23327edfaafa7131cd9f8490701c5ad4a79cfc1fe0ff42f4fb00"),
  ("RFC 3686 section 6, Test Vector #6", "02bf391ee8ecb159b959617b0965279bf59b60a786d3e0fe" "0007bdfd", "5cbd60278dcc0912",
   "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20212223", "96893fc55e5c722f540b7dd1ddf7e758d288bc95c69165884536c811662f2188abee0935"),
 ],
 "aes-256-ctr": [
  ("RFC 3686 section 6, Test Vector #7", "776beff2851db06f4c8a0542c8696f6c6a81af1eec96b4d37fc1d689e6c1c104" "00000060", "db5672c97aa8f0b2", a("Single block msg"), "145ad01dbf824ec7560863dc71e3e0c0"),
  ("RFC 3686 section 6, Test Vector #8", "f6d66d6bd52d59bb0796365879eff886c66dd51a5b6a99744b50590c87a23884" "00faac24", "c1585ef15a43d875",
   "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "f05e231b3894612c49ee000b804eb2a9b8306b508f839d6a5530831d9344af1c"),
  ("RFC 3686 section 6, Test Vector #9", "ff7a617ce69148e4f1726e2f43581de2aa62d9f805532edff1eed687fb54153d" "001cc5b7", "51a51d70a1c11148",
   "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20212223", "eb6c52821d0bbbf7ce7594462aca4faab407df866569fd07f48cc0b583d6071f1ec0e6b8"),
 ],
}
# GCM spec test cases (McGrew & Viega, The Galois/Counter Mode of Operation, revised 2005, Appendix B)
GP = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255"
GA = "feedfacedeadbeeffeedfacedeadbeefabaddad2"
K1 = "feffe9928665731c6d6a8f9467308308"
GCM = {  # name -> list of (tc, key, iv12, aad, pt, ct, tag16)
 128: [("Test Case 1", "00"*16, "00"*12, "", "", "", "58e2fccefa7e3061367f1d57a4e7455a"),
       ("Test Case 2", "00"*16, "00"*12, "", "00"*16, "0388dace60b6a392f328c2b971b2fe78", "ab6e47d42cec13bdf53a67b21257bddf"),
       ("Test Case 3", K1, "cafebabefacedbaddecaf888", "", GP,
        "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985", "4d5c2af327cd64a62cf35abd2ba6fab4"),
       ("Test Case 4", K1, "cafebabefacedbaddecaf888", GA, GP[:120],
        "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091", "5bc94fbc3221a5db94fae95ae7121a47")],
 192: [("Test Case 7", "00"*24, "00"*12, "", "", "", "cd33b28ac773f74ba00ed1f312572435"),
       ("Test Case 8", "00"*24, "00"*12, "", "00"*16, "98e7247c07f0fe411c267e4384b0f600", "2ff58d80033927ab8ef4d4587514f0fb"),
       ("Test Case 9", K1 + K1[:16], "cafebabefacedbaddecaf888", "", GP,
        "3980ca0b3c00e841eb06fac4872a2757859e1ceaa6efd984628593b40ca1e19c7d773d00c144c525ac619d18c84a3f4718e2448b2fe324d9ccda2710acade256", "9924a7c8587336bfb118024db8674a14"),
       ("Test Case 10", K1 + K1[:16], "cafebabefacedbaddecaf888", GA, GP[:120],
        "3980ca0b3c00e841eb06fac4872a2757859e1ceaa6efd984628593b40ca1e19c7d773d00c144c525ac619d18c84a3f4718e2448b2fe324d9ccda2710", "2519498e80f1478f37ba55bd6d27618c")],
 256: [("Test Case 13", "00"*32, "00"*12, "", "", "", "530f8afbc74536b9a963b4f1c4cb738b"),
       ("Test Case 14", "00"*32, "00"*12, "", "00"*16, "cea7403d4d606b6e074ec5d3baf39d18", "d0d1c8a799996bf0265b98b5d48ab919"),
       ("Test Case 15", K1 + K1, "cafebabefacedbaddecaf888", "", GP,
        "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad", "b094dac5d93471bdec1a502270e3cc6c"),
       ("Test Case 16", K1 + K1, "cafebabefacedbaddecaf888", GA, GP[:120],
        "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662", "76fc6ece0f4e1768cddf8853bb2d551b")],
}
A5PT = a("Internet-Drafts are draft documents valid for a maximum of six months and may be updated, replaced, or obsoleted by other documents at any time. It is inappropriate to use Internet-Drafts as reference material or to cite them other than as /") + "e2809c" + a("work in progress./") + "e2809d"
CHACHA = [  # (source, key32, salt4, iv8, aad, pt, ct||tag)
 ("RFC 8439 section 2.8.2 (nonce = 07000000 || 4041424344454647)", "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f", "07000000", "4041424344454647",
  "50515253c0c1c2c3c4c5c6c7", a("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it."),
  "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc3ff4def08e4b7a9de576d26586cec64b6116" "1ae10b594f09e26a7e902ecbd0600691"),
 ("RFC 8439 Appendix A.5 (nonce = 00000000 || 0102030405060708)", "1c9240a5eb55d38af333888604f6b5f0473917c1402b80099dca5cbc207075c0", "00000000", "0102030405060708",
  "f33388860000000000004e91", A5PT,
  "64a0861575861af460f062c79be643bd5e805cfd345cf389f108670ac76c8cb24c6cfc18755d43eea09ee94e382d26b0bdb7b73c321b0100d4f03b7f355894cf332f830e710b97ce98c8a84abd0b948114ad176e008d33bd60f982b1ff37c8559797a06ef4f0ef61c186324e2b3506383606907b6a7c02b0f9f6157b53c867e4b9166c767b804d46a59b5216cde7a4e99040c5a40433225ee282a1b0a06c523eaf4534d7f83fa1155b0047718cbc546a0d072b04b3564eea1b422273f548271a0bb2316053fa76991955ebd63159434ecebb4e466dae5a1073a6727627097a1049e617d91d361094fa68f0ff77987130305beaba2eda04df997b714d6c6f2c29a6ad5cb4022b02709b" "eead9d67890cbb22392336fea1851f38"),
 ("RFC 7634 Appendix A (ESP example)", "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f", "a0a1a2a3", "1011121314151617",
  "0102030400000005",
  "45000054a6f200004001e778c6336405c000020508005b7a3a080000553bec100007362708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363701020204",
  "24039428b97f417e3c13753a4f05087b67c352e6a7fab1b982d466ef407ae5c614ee8099d52844eb61aa95dfab4c02f72aa71e7c4c4f64c9befe2facc638e8f3cbec163fac469b502773f6fb94e664da9165b82829f641e0" "76aaa8266b7fb0f7b11b369907e1ad43"),
 ("RFC 7634 Appendix B (IKEv2 example)", "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f", "a0a1a2a3", "1011121314151617",
  "c0c1c2c3c4c5c6c7d0d1d2d3d4d5d6d72e202500000000090000004529000029", "0000000c000040010000000a00",
  "610394701f8d017f7c12924889" "6b71bfe25236efd7cdc67066906315b2"),
]
