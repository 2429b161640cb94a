#!/usr/bin/env python3
"""Writes the real-text dev and test splits (realdata.py) as presidio-research style JSON for the C# evaluators:

  /usr/bin/python3 train/eval_sets.py train/work/eval     # → {dev,test}.json and test-<corpus>.json

then `dotnet run -c Release --project Benchmarks -- ner-eval --input train/work/eval/test.json`. The files hold corpus
text: they stay in the ignored train/work/ and are never committed.
"""
import json, os, sys
import realdata

TYPES = {'PER': 'PERSON', 'LOC': 'LOCATION', 'ORG': 'ORGANIZATION'}


def rows(items):
    return [{'full_text': t, 'spans': [{'entity_type': TYPES[l], 'entity_value': t[a:b], 'start_position': a, 'end_position': b}
                                       for a, b, l in s if l in TYPES]} for _, t, s in items]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), 'work', 'eval')
    os.makedirs(out, exist_ok=True)
    split = realdata.load_split()
    for part in ('dev', 'test'):
        with open(os.path.join(out, f'{part}.json'), 'w', encoding='utf-8') as f:
            json.dump(rows(split[part]), f, ensure_ascii=False)
        for corpus in sorted({c for c, _, _ in split[part]}):
            with open(os.path.join(out, f'{part}-{corpus}.json'), 'w', encoding='utf-8') as f:
                json.dump(rows([x for x in split[part] if x[0] == corpus]), f, ensure_ascii=False)
    print('wrote', out)


if __name__ == '__main__':
    main()
