"""Draws the toolbar icon (a play triangle over an upload arrow) as PNGs with no image library."""
import struct, zlib, sys, os

def png(size, pixel):
    rows = b''.join(b'\x00' + b''.join(bytes(pixel(x, y, size)) for x in range(size)) for y in range(size))
    def chunk(tag, data):
        return struct.pack('>I', len(data)) + tag + data + struct.pack('>I', zlib.crc32(tag + data) & 0xffffffff)
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(rows, 9)) + chunk(b'IEND', b'')

def pixel(x, y, s):
    u, v = (x + 0.5) / s, (y + 0.5) / s
    r = 0.2
    # rounded square background
    dx, dy = max(abs(u - 0.5) - (0.5 - r), 0), max(abs(v - 0.5) - (0.5 - r), 0)
    if dx * dx + dy * dy > r * r:
        return (0, 0, 0, 0)
    # play triangle pointing right
    if 0.34 <= u <= 0.74 and abs(v - 0.5) <= (0.74 - u) * 0.62:
        return (255, 255, 255, 255)
    return (37, 99, 235, 255)

out = sys.argv[1]
for size in (16, 32, 48, 128):
    with open(os.path.join(out, f'{size}.png'), 'wb') as f:
        f.write(png(size, pixel))
