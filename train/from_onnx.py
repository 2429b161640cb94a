#!/usr/bin/env python3
"""Rebuilds a PyTorch checkpoint of the conv + BiLSTM tagger from its float32 ONNX export (the checkpoint itself is
not committed), so training can continue from the shipped model:

  /usr/bin/python3 train/from_onnx.py models/piiorleans-ner-small train/out/base

Writes OUT/best.pt and OUT/vocab.txt. ONNX keeps LSTM gates in the order i, o, f, c; PyTorch in i, f, g(c), o.
Check: re-exporting the rebuilt model reproduces every initializer of the original bit for bit (--check).
"""
import json, os, shutil, sys
import numpy as np
import onnx
import torch
from onnx import numpy_helper
from model import LstmTagger
from train import LABELS


def rebuild(model_dir):
    m = onnx.load(os.path.join(model_dir, 'model.onnx'))
    cfg = json.load(open(os.path.join(model_dir, 'config.json')))
    inits = {i.name: numpy_helper.to_array(i) for i in m.graph.initializer}
    node = {n.op_type: n for n in m.graph.node if n.op_type in ('LSTM',)}
    if 'LSTM' not in node or any(i.name == 'word_features' for i in m.graph.input):
        sys.exit(f'{model_dir}: not a float conv + BiLSTM export without word features (an int8 LSTM cannot be rebuilt exactly)')
    lstm = node['LSTM']
    W, R, B = (inits[lstm.input[k]] for k in (1, 2, 3))
    mats = [n for n in m.graph.node if n.op_type == 'MatMul']
    conv_w = inits[[n.input[1] for n in mats if n.output[0].startswith('/conv')][0]]
    head_w = inits[[n.input[1] for n in mats if n.output[0].startswith('/head')][0]]
    h = cfg['hidden_size']
    model = LstmTagger(cfg['vocab_size'], len(LABELS), cfg['embedding_size'], cfg['conv_size'], h, 0.25,
                       cfg['max_position_embeddings'])
    order = [0, 2, 3, 1]  # torch block k comes from ONNX block order[k]

    def reorder(x):
        return np.concatenate([x[j * h:(j + 1) * h] for j in order], 0)
    st = model.state_dict()
    st['tok.weight'] = torch.tensor(inits['tok.weight'])
    st['conv.weight'] = torch.tensor(conv_w.T.copy()); st['conv.bias'] = torch.tensor(inits['conv.bias'])
    st['head.weight'] = torch.tensor(head_w.T.copy()); st['head.bias'] = torch.tensor(inits['head.bias'])
    for d, suf in ((0, ''), (1, '_reverse')):
        st['lstm.weight_ih_l0' + suf] = torch.tensor(reorder(W[d]))
        st['lstm.weight_hh_l0' + suf] = torch.tensor(reorder(R[d]))
        st['lstm.bias_ih_l0' + suf] = torch.tensor(reorder(B[d][:4 * h]))
        st['lstm.bias_hh_l0' + suf] = torch.tensor(reorder(B[d][4 * h:]))
    model.load_state_dict(st)
    return model, cfg, inits


def main():
    src, out = sys.argv[1], sys.argv[2]
    model, cfg, inits = rebuild(src)
    os.makedirs(out, exist_ok=True)
    shutil.copyfile(os.path.join(src, 'vocab.txt'), os.path.join(out, 'vocab.txt'))
    torch.save({'state': model.state_dict(), 'config': model.config, 'labels': LABELS, 'step': cfg.get('training_step', 0),
                'val_f1': cfg.get('dev_f1', {}), 'args': {'from_onnx': src}}, os.path.join(out, 'best.pt'))
    model.eval()
    tmp = os.path.join(out, 'check.onnx')
    ids = torch.tensor([[2, 10, 11, 12, 3], [2, 13, 14, 3, 0]]); mask = torch.tensor([[1, 1, 1, 1, 1], [1, 1, 1, 1, 0]])
    torch.onnx.export(model, (ids, mask), tmp, input_names=['input_ids', 'attention_mask'], output_names=['logits'],
                      dynamic_axes={'input_ids': {0: 'batch', 1: 'sequence'}, 'attention_mask': {0: 'batch', 1: 'sequence'},
                                    'logits': {0: 'batch', 1: 'sequence'}}, opset_version=14, do_constant_folding=True)
    again = sorted(numpy_helper.to_array(i).tobytes() for i in onnx.load(tmp).graph.initializer)
    orig = sorted(v.tobytes() for v in inits.values())
    print('initializers identical:', again == orig)
    os.remove(tmp)
    # Parity with the labels PyTorch gave at export time.
    import wordpiece
    par = json.load(open(os.path.join(src, 'parity.json')))
    ok = 0
    with torch.no_grad():
        for p in par:
            x = torch.tensor([[2] + p['token_ids'] + [3]])
            pred = model(x, torch.ones_like(x)).argmax(-1)[0, 1:-1].tolist()
            ok += [LABELS[i] for i in pred] == p['labels']
    print(f'parity {ok}/{len(par)}')


if __name__ == '__main__':
    main()
