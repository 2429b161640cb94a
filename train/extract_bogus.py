#!/usr/bin/env python3
"""Dumps the locale data embedded in the Bogus NuGet package (Bogus.dll, BSON resources) to train/data/locales/*.json.

The resources are stored uncompressed in the assembly's resource section as [uint32 length][BSON document];
each BSON document starts with its own int32 length, so a document is found where both lengths agree.
"""
import json, os, struct, sys, glob, re

def parse_doc(b, i):
    (n,) = struct.unpack_from('<i', b, i)
    end = i + n - 1
    i += 4
    out = {}
    while i < end:
        t = b[i]; i += 1
        j = b.index(0, i); key = b[i:j].decode('utf-8'); i = j + 1
        if t == 0x02:
            (ln,) = struct.unpack_from('<i', b, i); i += 4
            v = b[i:i + ln - 1].decode('utf-8'); i += ln
        elif t in (0x03, 0x04):
            (ln,) = struct.unpack_from('<i', b, i)
            v = parse_doc(b, i); i += ln
            if t == 0x04: v = [v[k] for k in sorted(v, key=int)]
        elif t == 0x10:
            (v,) = struct.unpack_from('<i', b, i); i += 4
        elif t == 0x12:
            (v,) = struct.unpack_from('<q', b, i); i += 8
        elif t == 0x01:
            (v,) = struct.unpack_from('<d', b, i); i += 8
        elif t == 0x08:
            v = b[i] != 0; i += 1
        elif t == 0x0A:
            v = None
        else:
            raise ValueError(f'bson type {t:#x} at {i}')
        out[key] = v
    return out

def main():
    dll = sys.argv[1] if len(sys.argv) > 1 else sorted(glob.glob(os.path.expanduser('~/.nuget/packages/bogus/34.0.2/lib/net6.0/Bogus.dll')))[0]
    outdir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), 'data', 'locales')
    os.makedirs(outdir, exist_ok=True)
    b = open(dll, 'rb').read()
    found = 0
    i = 0
    while i < len(b) - 8:
        (l1, l2) = struct.unpack_from('<Ii', b, i)
        if 1000 < l1 < 5_000_000 and l1 == l2 and i + 4 + l1 <= len(b) and b[i + 3 + l1] == 0:
            try:
                doc = parse_doc(b, i + 4)
            except Exception:
                i += 1; continue
            # A locale document holds categories (name, address, company, ...) and a human 'title'.
            if 'title' in doc:
                code = f'{found:02d}_' + re.sub(r'[^A-Za-z]+', '_', str(doc['title'])).strip('_')
                with open(os.path.join(outdir, code + '.json'), 'w', encoding='utf-8') as f:
                    json.dump(doc, f, ensure_ascii=False)
                found += 1
            i += 4 + l1
            continue
        i += 1
    print(f'extracted {found} locales to {outdir}')

if __name__ == '__main__':
    main()
