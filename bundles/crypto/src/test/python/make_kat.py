#!/usr/bin/env python3
"""Writes src/main/resources/kat/*.kat from the published vectors in data_*.py, checking every one
against OpenSSL (through Python cryptography) and, for MODP, the openssl command line.
Run from this directory: python3 make_kat.py ../../main/resources/kat"""
import hashlib, hmac, os, sys, subprocess, tempfile, base64
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.asymmetric import x25519, ec, dsa, rsa, padding
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.exceptions import InvalidSignature
from data_sym import *
from data_mac import *
from data_pk import *
from primes import P as MODP

OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)
B = bytes.fromhex
checks = 0
def ok(cond, what):
    global checks
    if not cond:
        raise SystemExit("MISMATCH: " + what)
    checks += 1

HEADER = """# Known-answer vectors for {label}.
# Format: records of "name = hex" lines separated by blank lines; each record starts with a
# "# source:" line naming the document the bytes come from. See KnownAnswerFile (registry package).
# Written and checked against OpenSSL 3.0 (Python cryptography {ver}) by src/test/python/make_kat.py.
"""
import cryptography
files = {}
def rec(label, source, **fields):
    files.setdefault(label, []).append((source, fields))

def enc(alg, mode, key, pt):
    c = Cipher(alg(key), mode).encryptor(); return c.update(pt) + c.finalize()

# ---- CBC
for label, vs in CBC.items():
    for src, k, iv, p, c in vs:
        if label.startswith("aes"): got = enc(algorithms.AES, modes.CBC(B(iv)), B(k), B(p))
        elif label == "des-cbc": got = enc(TripleDES, modes.CBC(B(iv)), B(k) * 3, B(p))
        else: got = enc(TripleDES, modes.CBC(B(iv)), B(k), B(p))
        ok(got == B(c), label + " " + src)
        rec(label, src, key=k, iv=iv, plaintext=p, ciphertext=c)
# ---- CTR (RFC 3686 counter block = nonce || IV || 00000001)
for label, vs in CTR.items():
    for src, k, iv, p, c in vs:
        kb = B(k); got = enc(algorithms.AES, modes.CTR(kb[-4:] + B(iv) + b"\0\0\0\1"), kb[:-4], B(p))
        ok(got == B(c), label + " " + src)
        rec(label, src, key=k, iv=iv, plaintext=p, ciphertext=c)
# ---- GCM (RFC 4106: key || 4-byte salt; 8-byte IV)
SPEC = "GCM specification (McGrew and Viega, The Galois/Counter Mode of Operation, revised 2005) Appendix B, "
for bits, tcs in GCM.items():
    for tc, k, iv12, aad, p, c, t in tcs:
        e = Cipher(algorithms.AES(B(k)), modes.GCM(B(iv12))).encryptor()
        if aad: e.authenticate_additional_data(B(aad))
        got = e.update(B(p)) + e.finalize()
        ok(got == B(c) and e.tag == B(t), "gcm %d %s" % (bits, tc))
        for icv in (8, 12, 16):
            label = "aes-%d-gcm-%d" % (bits, icv)
            if bits == 192 and icv != 16: continue
            src = SPEC + tc + ("" if icv == 16 else ", ICV = the first %d bytes of the tag (GCM's T = MSB_t, RFC 4106 section 8.1)" % icv)
            rec(label, src, key=k + iv12[:8], iv=iv12[8:], aad=aad, plaintext=p, ciphertext=c + t[:icv * 2])
# ---- ChaCha20-Poly1305 (RFC 7634: key || 4-byte salt; 8-byte IV)
for src, k, salt, iv, aad, p, ct in CHACHA:
    got = ChaCha20Poly1305(B(k)).encrypt(B(salt + iv), B(p), B(aad))
    ok(got == B(ct), "chacha " + src)
    rec("chacha20-poly1305", src, key=k + salt, iv=iv, aad=aad, plaintext=p, ciphertext=ct)
# ---- HMAC
for case, k, d, m in RFC2202_MD5:
    ok(hmac.new(B(k), B(d), "md5").hexdigest() == m, "md5 hmac %d" % case)
    rec("prf-hmac-md5", "RFC 2202 section 2, test_case %d (HMAC-MD5)" % case, key=k, data=d, output=m)
    rec("hmac-md5-96", "RFC 2202 section 2, test_case %d (HMAC-MD5), truncated to 96 bits as RFC 2403 does" % case
        + (" (the RFC lists this digest-96)" if case == 5 else ""), key=k, data=d, mac=m[:24])
for case, k, d, m in RFC2202_SHA1:
    ok(hmac.new(B(k), B(d), "sha1").hexdigest() == m, "sha1 hmac %d" % case)
    rec("prf-hmac-sha1", "RFC 2202 section 3, test_case %d (HMAC-SHA-1)" % case, key=k, data=d, output=m)
    rec("hmac-sha1-96", "RFC 2202 section 3, test_case %d (HMAC-SHA-1), truncated to 96 bits as RFC 2404 does" % case
        + (" (the RFC lists this digest-96)" if case == 5 else ""), key=k, data=d, mac=m[:24])
for case, (k, d, outs) in RFC4231.items():
    for bits, m in outs.items():
        ok(hmac.new(B(k), B(d), "sha%d" % bits).hexdigest() == m, "4231 %d %d" % (case, bits))
        rec("prf-hmac-sha2-%d" % bits, "RFC 4231 section 4.%d, Test Case %d (HMAC-SHA-%d)" % (case + 1, case, bits), key=k, data=d, output=m)
for bits, cases in RFC4868_AUTH.items():
    for case, k, d, m in cases:
        ok(hmac.new(B(k), B(d), "sha%d" % bits).hexdigest()[:len(m)] == m, "4868 %d %d" % (bits, case))
        rec("hmac-sha2-%d-%d" % (bits, bits // 2), "RFC 4868 section 2.7.2.%d, Test Case AUTH%d-%d" % ({256: 1, 384: 2, 512: 3}[bits], bits, case),
            key=k, data=d, mac=m)
# ---- hashes
for i, (msg, dg) in enumerate(MD5):
    ok(hashlib.md5(msg.encode()).hexdigest() == dg, "md5 " + msg)
    rec("md5", "RFC 1321 Appendix A.5, MD5 (\"%s\")" % msg, data=msg.encode().hex(), digest=dg)
for label, vs in SHA.items():
    alg = {"sha1": "sha1", "sha2-256": "sha256", "sha2-384": "sha384", "sha2-512": "sha512"}[label]
    for src, msg, dg in vs:
        ok(hashlib.new(alg, msg.encode()).hexdigest() == dg, label + src)
        rec(label, src, data=msg.encode().hex(), digest=dg)

# ---- MODP (no published vectors with a fixed private value)
EXPBITS = {768: 160, 1024: 160, 1536: 192, 2048: 224, 3072: 256, 4096: 304}
GROUP = {768: 1, 1024: 2, 1536: 5, 2048: 14, 3072: 15, 4096: 16}
DOC = {768: "RFC 2409 section 6.1", 1024: "RFC 2409 section 6.2", 1536: "RFC 3526 section 2", 2048: "RFC 3526 section 3", 3072: "RFC 3526 section 4", 4096: "RFC 3526 section 5"}
def openssl_derive(p, x, peer_y):
    """Third implementation: OpenSSL's pkeyutl -derive with a PKCS#8 DH key built here."""
    from cryptography.hazmat.primitives.asymmetric import dh
    pn = dh.DHParameterNumbers(p, 2)
    priv = dh.DHPrivateNumbers(x, dh.DHPublicNumbers(pow(2, x, p), pn)).private_key()
    pub = dh.DHPublicNumbers(peer_y, pn).public_key()
    with tempfile.TemporaryDirectory() as d:
        open(d + "/k.der", "wb").write(priv.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
        open(d + "/p.der", "wb").write(pub.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo))
        r = subprocess.run(["openssl", "pkeyutl", "-derive", "-inkey", d + "/k.der", "-keyform", "DER", "-peerkey", d + "/p.der", "-peerform", "DER"], capture_output=True)
        if r.returncode != 0: raise SystemExit(r.stderr.decode())
        return r.stdout.rjust(len(p.to_bytes((p.bit_length()+7)//8,"big")), b"\0")
for bits, p in MODP.items():
    n = bits // 8
    label = "modp%d" % bits
    def priv(role): return int.from_bytes(hashlib.sha512(("secplane %s %s" % (label, role)).encode()).digest(), "big") >> (512 - EXPBITS[bits])
    i, r = priv("initiator"), priv("responder")
    gi, gr, gir = pow(2, i, p), pow(2, r, p), pow(pow(2, r, p), i, p)
    ok(gir == pow(gi, r, p), label)
    ok(openssl_derive(p, i, gr) == gir.to_bytes(n, "big") and openssl_derive(p, r, gi) == gir.to_bytes(n, "big"), label + " openssl")
    fx = lambda v: v.to_bytes(n, "big").hex()
    src = ("computed, no published vector with a fixed private value exists: group %d prime of %s, g = 2, %d-bit private values "
           "(SHA-512 of \"secplane %s initiator\"/\"responder\", top bits); public values and secret by Python's pow(), "
           "checked with openssl 3.0 pkeyutl -derive in both directions" % (GROUP[bits], DOC[bits], EXPBITS[bits], label))
    rec(label, src, private=i.to_bytes((EXPBITS[bits] + 7) // 8, "big").hex(), public=fx(gi), peer=fx(gr), shared=fx(gir))
    rec(label, src.replace("initiator\"/\"responder", "responder\"/\"initiator") + "; the responder's side",
        private=r.to_bytes((EXPBITS[bits] + 7) // 8, "big").hex(), public=fx(gr), peer=fx(gi), shared=fx(gir))
    for what, v in (("0", 0), ("1", 1), ("p-1", p - 1), ("p", p)):
        rec(label, "peer value %s must be refused: RFC 6989 section 2.1 and NIST SP 800-56A Rev. 3 section 5.6.2.3.1 (1 < y < p-1)" % what,
            private=i.to_bytes((EXPBITS[bits] + 7) // 8, "big").hex(), public=fx(gi), **{"invalid-peer": fx(v)})
# ---- ECP (RFC 5903 section 8)
CURVES = {"ecp256": (ec.SECP256R1(), 32, 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffff),
          "ecp384": (ec.SECP384R1(), 48, 2**384 - 2**128 - 2**96 + 2**32 - 1), "ecp521": (ec.SECP521R1(), 66, 2**521 - 1)}
for label, (sec, i, gix, giy, r, grx, gry, girx) in ECP.items():
    curve, n, p = CURVES[label]
    ki = ec.derive_private_key(int(h(i), 16), curve); kr = ec.derive_private_key(int(h(r), 16), curve)
    pi, pr = ki.public_key().public_numbers(), kr.public_key().public_numbers()
    ok(pi.x == int(h(gix), 16) and pi.y == int(h(giy), 16) and pr.x == int(h(grx), 16) and pr.y == int(h(gry), 16), label + " pub")
    ok(ki.exchange(ec.ECDH(), kr.public_key()) == B(h(girx)) and kr.exchange(ec.ECDH(), ki.public_key()) == B(h(girx)), label + " ecdh")
    src = "RFC 5903 section %s (i, g^i x || y, g^r x || y, g^ir x)" % sec
    rec(label, src, private=h(i), public=h(gix) + h(giy), peer=h(grx) + h(gry), shared=h(girx))
    rec(label, src.replace("(i,", "(r,") + "; the responder's side", private=h(r), public=h(grx) + h(gry), peer=h(gix) + h(giy), shared=h(girx))
    y1 = (int(h(gry), 16) + 1).to_bytes(n, "big").hex()
    try:
        ec.EllipticCurvePublicNumbers(int(h(grx), 16), int(y1, 16), curve).public_key(); ok(False, "off curve accepted")
    except ValueError: ok(True, "")
    for what, v in (("(g^r x, g^r y + 1), not on the curve", h(grx) + y1), ("(0, 0), the point at infinity's usual encoding", "00" * 2 * n),
                    ("(p, g^r y), a coordinate not below p", p.to_bytes(n, "big").hex() + h(gry))):
        rec(label, "peer value %s must be refused: RFC 6989 section 2.3 and NIST SP 800-56A Rev. 3 section 5.6.2.3.3" % what,
            private=h(i), public=h(gix) + h(giy), **{"invalid-peer": v})
# ---- Curve25519 (RFC 7748 section 6.1)
xa = x25519.X25519PrivateKey.from_private_bytes(B(X25519["a"])); xb = x25519.X25519PrivateKey.from_private_bytes(B(X25519["b"]))
raw = lambda k: k.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()
ok(raw(xa) == X25519["A"] and raw(xb) == X25519["B"] and xa.exchange(xb.public_key()) == B(X25519["K"]), "x25519")
rec("curve25519", "RFC 7748 section 6.1 (Alice's private key, Alice's and Bob's public keys, K)", private=X25519["a"], public=X25519["A"], peer=X25519["B"], shared=X25519["K"])
rec("curve25519", "RFC 7748 section 6.1 (Bob's private key, Bob's and Alice's public keys, K)", private=X25519["b"], public=X25519["B"], peer=X25519["A"], shared=X25519["K"])
for what, u in (("u = 0", "00" * 32), ("u = 1", "01" + "00" * 31),
                ("u = 325606250916557431795983626356110631294008115727848805560023387167927233504 (a point of order 8)", "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800")):
    try:
        xa.exchange(x25519.X25519PublicKey.from_public_bytes(B(u))); ok(False, "x25519 small order accepted " + what)
    except ValueError: ok(True, "")
    rec("curve25519", "peer value %s gives the all-zero secret and must be refused: RFC 7748 section 6.1, RFC 8031 section 2" % what,
        private=X25519["a"], public=X25519["A"], **{"invalid-peer": u})
# ---- RSA (RFC 7515 Appendix A.2 key)
ub = lambda s: base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))
nn, dd, ee = int.from_bytes(ub(RSA_N), "big"), int.from_bytes(ub(RSA_D), "big"), 65537
pp, qq = rsa.rsa_recover_prime_factors(nn, ee, dd)
rk = rsa.RSAPrivateNumbers(pp, qq, dd, rsa.rsa_crt_dmp1(dd, pp), rsa.rsa_crt_dmq1(dd, qq), rsa.rsa_crt_iqmp(pp, qq), rsa.RSAPublicNumbers(ee, nn)).private_key()
pk8 = lambda k: k.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).hex()
spki = lambda k: k.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo).hex()
msg = RSA_MSG.encode()
ok(rk.sign(msg, padding.PKCS1v15(), hashes.SHA256()) == ub(RSA_SIG), "rfc7515 sig")
HS = {"sha1": hashes.SHA1, "sha256": hashes.SHA256, "sha384": hashes.SHA384, "sha512": hashes.SHA512}
KEYSRC = "the RSA key of RFC 7515 Appendix A.2 (JWK n, e, d; DER encodings written by OpenSSL)"
for hn in ("sha1", "sha256", "sha384", "sha512"):
    s = rk.sign(msg, padding.PKCS1v15(), HS[hn]())
    src = ("RFC 7515 Appendix A.2: the RS256 signature of the JWS signing input, with " + KEYSRC) if hn == "sha256" else \
          ("computed with OpenSSL 3.0 (Python cryptography %s) over the JWS signing input of RFC 7515 Appendix A.2 with %s; "
           "no published vector for this hash; PKCS #1 v1.5 is deterministic" % (cryptography.__version__, KEYSRC))
    rec("rsa-pkcs1-" + hn, src, private=pk8(rk), public=spki(rk), message=msg.hex(), signature=s.hex())
for hn, salt in (("sha256", 32), ("sha384", 48), ("sha512", 64)):
    s = rk.sign(msg, padding.PSS(mgf=padding.MGF1(HS[hn]()), salt_length=salt), HS[hn]())
    rk.public_key().verify(s, msg, padding.PSS(mgf=padding.MGF1(HS[hn]()), salt_length=salt), HS[hn]())
    rec("rsa-pss-" + hn, "computed with OpenSSL 3.0 (Python cryptography %s), RSASSA-PSS with MGF1-%s and a %d-byte salt over the JWS signing "
        "input of RFC 7515 Appendix A.2 with %s; randomised: checked by verifying it and by a sign-then-verify round trip" % (cryptography.__version__, hn.upper(), salt, KEYSRC),
        private=pk8(rk), public=spki(rk), message=msg.hex(), signature=s.hex())
# ---- DSA (RFC 6979 A.2.1 / A.2.2)
for label, sigs in DSA_SIGS.items():
    for sec, key, hn, m, r, s in sigs:
        par = dsa.DSAParameterNumbers(int(key["p"], 16), int(key["q"], 16), int(key["g"], 16))
        ok(pow(par.g, int(key["x"], 16), par.p) == int(key["y"], 16), "dsa y")
        dk = dsa.DSAPrivateNumbers(int(key["x"], 16), dsa.DSAPublicNumbers(int(key["y"], 16), par)).private_key()
        sig = encode_dss_signature(int(r, 16), int(s, 16))
        dk.public_key().verify(sig, m.encode(), HS[hn]()); ok(True, "")
        rec(label, "RFC 6979 Appendix %s (%d-bit DSA key; %s, message \"%s\"), signature (r, s) DER-encoded; key DER written by OpenSSL"
            % (sec, par.p.bit_length(), hn.upper().replace("SHA", "SHA-"), m), private=pk8(dk), public=spki(dk), message=m.encode().hex(), signature=sig.hex())
# ---- ECDSA (RFC 6979 A.2.5 / A.2.6)
for label, (sec, cname, d, hn, sigs) in ECDSA_SIGS.items():
    ek = ec.derive_private_key(int(d, 16), {"P-256": ec.SECP256R1(), "P-384": ec.SECP384R1()}[cname])
    for m, r, s in sigs:
        sig = encode_dss_signature(int(r, 16), int(s, 16))
        ek.public_key().verify(sig, m.encode(), ec.ECDSA(HS[hn]())); ok(True, "")
        rec(label, "RFC 6979 Appendix %s (%s; %s, message \"%s\"), signature (r, s) DER-encoded; key DER written by OpenSSL"
            % (sec, cname, hn.upper().replace("SHA", "SHA-"), m), private=pk8(ek), public=spki(ek), message=m.encode().hex(), signature=sig.hex())
# ---- random: a health test, there is no known answer
files["random"] = "RANDOM"
# ---- write
for label, recs in files.items():
    with open(os.path.join(OUT, label + ".kat"), "w") as f:
        f.write(HEADER.format(label=label, ver=cryptography.__version__))
        if recs == "RANDOM":
            f.write("""#
# A random generator has no known answer. Its vectors are the parameters of the statistical
# health tests run at registration: the monobit test on a sample of 20 000 bits (the count of
# ones must lie strictly between 9654 and 10346) and the continuous test (two consecutive
# samples must differ). Fields are decimal numbers.

# source: FIPS 140-1 section 4.11.1 (power-up monobit test bounds) and FIPS 140-2 section 4.9.2 (continuous random number generator test)
sample-bytes = 2500
min-ones = 9655
max-ones = 10345
""")
            continue
        for src, fields in recs:
            f.write("\n# source: " + src + "\n")
            for k, v in fields.items():
                f.write("%s = %s\n" % (k, v))
print("checks passed:", checks, "files:", len(files))
