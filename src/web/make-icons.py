# Draws the app icon (the shapes of src/web/icon.svg) into small palette PNGs with alpha:
# `python3 src/web/make-icons.py` writes src/web/icon-192.png and icon-512.png (0.8 and 2.6 KB).
# Edges are anti-aliased by 4x4 supersampling; every distinct colour goes into the palette.
import struct, zlib, sys
def draw(n):
    s = n / 64.0
    SS = 4
    pal = {}; rows = []
    bg = (0x1b,0x4f,0x72); org=(0xf5,0xb0,0x41); lb=(0xd6,0xea,0xf8); wh=(255,255,255)
    def inround(x, y):
        r = 14
        cx = min(max(x, r), 64 - r); cy = min(max(y, r), 64 - r)
        return (x-cx)**2 + (y-cy)**2 <= r*r
    for py in range(n):
        row = bytearray()
        for px in range(n):
            acc = [0,0,0]; cov = 0
            for sy in range(SS):
                for sx in range(SS):
                    x = (px + (sx+0.5)/SS) / s; y = (py + (sy+0.5)/SS) / s
                    if not inround(x, y): continue
                    cov += 1
                    c = bg
                    if 14 <= x < 30 and 20 <= y < 44: c = org
                    elif 34 <= x < 50 and 20 <= y < 44: c = lb
                    elif (x-32)**2 + (y-50)**2 <= 16: c = wh
                    acc = [a+b for a,b in zip(acc,c)]
            if cov == 0: key = (0,0,0,0)
            else:
                key = tuple(round(a/cov) for a in acc) + (round(255*cov/(SS*SS)),)
            if key not in pal: pal[key] = len(pal)
            row.append(pal[key])
        rows.append(bytes(row))
    assert len(pal) <= 256, len(pal)
    plte = b''.join(bytes(k[:3]) for k in pal)
    trns = bytes(k[3] for k in pal)
    raw = b''.join(b'\0' + r for r in rows)
    def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', n, n, 8, 3, 0, 0, 0))
            + chunk(b'PLTE', plte) + chunk(b'tRNS', trns) + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))
for n in (192, 512):
    data = draw(n)
    open(f'src/web/icon-{n}.png', 'wb').write(data)
    print(n, len(data))
