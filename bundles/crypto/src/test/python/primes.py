import mpmath
mpmath.mp.prec = 9000
def modp(n, k):
    pi = mpmath.pi
    t = int(mpmath.floor(mpmath.mpf(2)**(n-130) * pi))
    return 2**n - 2**(n-64) - 1 + 2**64 * (t + k)
P = {768: modp(768,149686), 1024: modp(1024,129093), 1536: modp(1536,741804), 2048: modp(2048,124476), 3072: modp(3072,1690314), 4096: modp(4096,240904)}
if __name__ == '__main__':
    for n,p in P.items():
        print(n, hex(p)[:40], p.bit_length())
