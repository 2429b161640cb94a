#!/usr/bin/env python3
"""Sweeps the logit bias of an exported model on a labelled file with the C# analyzer (`Benchmarks -- ner-eval`), so
calibration is measured on the path that counts. Use the dev split (train/work/eval/dev.json), never the test split.

  /usr/bin/python3 train/calibrate.py MODEL_DIR train/work/eval/dev.json '{"O": -2.5}' '{"O": -3, "B-PER": 0.5}' ...

Each candidate runs in a temporary copy of MODEL_DIR (files linked, config.json rewritten); prints the analyzer's
P / R / F2 exact and F2 overlap per entity.
"""
import json, os, re, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(model, data, extra=()):
    out = subprocess.run(['dotnet', 'run', '-c', 'Release', '--no-build', '--project', os.path.join(ROOT, 'Benchmarks'), '--',
                          'ner-eval', '--input', data, '--threads', '1', '--model', model, *extra],
                         capture_output=True, text=True, cwd=ROOT).stdout
    part = out.split('== analyzer')[-1]
    rows = {}
    for line in part.splitlines():
        m = re.match(r'(PERSON|LOCATION|ORGANIZATION)\s+(\d+)\s+(\d+)\s+\|\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+\|\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)', line)
        if m:
            rows[m.group(1)] = tuple(float(m.group(k)) for k in range(4, 10))
    return rows


def main():
    model, data, *biases = sys.argv[1:]
    cfg = json.load(open(os.path.join(model, 'config.json')))
    for b in biases:
        with tempfile.TemporaryDirectory() as d:
            for f in os.listdir(model):
                if f != 'config.json':
                    os.symlink(os.path.abspath(os.path.join(model, f)), os.path.join(d, f))
            json.dump({**cfg, 'logit_bias': json.loads(b)}, open(os.path.join(d, 'config.json'), 'w'))
            rows = run(d, data)
        print(b, ' | '.join(f'{k[:3]} P {v[0]:.3f} R {v[1]:.3f} F2 {v[2]:.3f} ovl {v[5]:.3f}' for k, v in sorted(rows.items(), key=lambda x: x[0][0] != 'P')), flush=True)


if __name__ == '__main__':
    main()
