# Sends one IKE_SA_INIT request (AES-CBC-128, HMAC-SHA2-256, Curve25519) that is never followed by IKE_AUTH, so the
# responder keeps a half-open IKE SA (its cookie threshold counts it). Usage: python3 half-open-ike-sa-init.py ADDRESS
import os, socket, struct, sys
dst = sys.argv[1]
def payload(next_type, body):
    return struct.pack('!BBH', next_type, 0, 4 + len(body)) + body
def transform(last, ttype, tid, keylen=None):
    attrs = struct.pack('!HH', 0x800e, keylen) if keylen else b''
    return struct.pack('!BBHBBH', 0 if last else 3, 0, 8 + len(attrs), ttype, 0, tid) + attrs
transforms = transform(False, 1, 12, 128) + transform(False, 2, 5) + transform(False, 3, 12) + transform(True, 4, 31)
proposal = struct.pack('!BBHBBBB', 0, 0, 8 + len(transforms), 1, 1, 0, 4) + transforms
ke_value = os.urandom(32)
sa = payload(34, proposal)                                   # next: KE
ke = payload(40, struct.pack('!HH', 31, 0) + ke_value)       # next: Nonce
nonce = payload(0, os.urandom(32))
body = sa + ke + nonce
header = os.urandom(8) + bytes(8) + struct.pack('!BBBBII', 33, 0x20, 34, 0x08, 0, 28 + len(body))
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('', 0))
s.sendto(header + body, (dst, 500))
s.settimeout(2)
answer = s.recv(2000)
# the responder keeps the SA half open only when it accepted the proposal: its answer starts with an SA payload
if len(answer) < 28 or answer[16] != 33:
    sys.exit('not accepted: %d bytes, first payload %d' % (len(answer), answer[16] if len(answer) > 16 else -1))
print(len(answer), 'bytes answered with an SA payload')
