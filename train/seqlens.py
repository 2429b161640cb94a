"""Gives the exported LSTM its sequence lengths, so padding never reaches it.

Without them ONNX Runtime runs every row of a padded batch to the batch's longest length, and the backward direction
reads the padded positions first: a text's labels (and scores) then depend on the other texts of its batch. With
sequence_lens = the row sums of attention_mask, each row's backward pass starts at its own last piece, so a text gets
the same labels alone as in any batch — what the tables job's privacy re-scan (one cell at a time) relies on to see
exactly what the anonymizer (whole columns at a time) saw.

  /usr/bin/python3 train/seqlens.py models/piiorleans-ner-small/model.onnx
"""
import sys
import onnx
from onnx import helper, TensorProto

LENGTHS = 'sequence_lengths'


def add_sequence_lengths(path):
    """Rewrites path in place; returns the number of LSTM nodes given lengths (already-rewritten nodes count as 0)."""
    m = onnx.load(path)
    g = m.graph
    lstms = [n for n in g.node if n.op_type in ('LSTM', 'DynamicQuantizeLSTM') and (len(n.input) <= 4 or n.input[4] == '')]
    if not lstms:
        return 0
    axes = helper.make_tensor(LENGTHS + '_axes', TensorProto.INT64, [1], [1])
    g.initializer.append(axes)
    nodes = [helper.make_node('ReduceSum', ['attention_mask', axes.name], [LENGTHS + '_64'], keepdims=0, name=LENGTHS + '_sum'),
             helper.make_node('Cast', [LENGTHS + '_64'], [LENGTHS], to=TensorProto.INT32, name=LENGTHS + '_cast')]
    for n in lstms:
        inputs = list(n.input) + [''] * max(0, 5 - len(n.input))
        inputs[4] = LENGTHS
        del n.input[:]
        n.input.extend(inputs)
    existing = list(g.node)
    del g.node[:]
    g.node.extend(nodes + existing)
    onnx.checker.check_model(m)
    onnx.save(m, path)
    return len(lstms)


if __name__ == '__main__':
    for p in sys.argv[1:]:
        print(p, add_sequence_lengths(p), 'LSTM node(s) given sequence lengths')
