package io.brainstem.processor.emit;

import com.palantir.javapoet.CodeBlock;
import io.brainstem.processor.integrate.LocalNames;

/**
 * The walk over one range's synapses of a CSR row in generated projection code: row {@code i}'s
 * synapses onto {@code [from, to)} are {@code cuts[i · stride + at] .. cuts[i · stride + at + 1]}
 * ({@code Projection.rowCuts}: the rows cut at the runner's ranges, side by side, or the plain
 * {@code indptr} with stride 1 and offset 0).
 */
record RowWalk(String cuts, String stride, String at, String cell, String end) {
  static RowWalk allocate(LocalNames names) {
    return new RowWalk(names.allocate("rowCut"), names.allocate("cutStride"),
        names.allocate("cutAt"), names.allocate("cut"), names.allocate("rowEnd"));
  }

  /** The range's cut table, stride and offset, before the loop over rows. */
  CodeBlock declare(String from, String to) {
    return CodeBlock.builder()
        .addStatement("final int[] $L = rowCuts($L, $L)", cuts, from, to)
        .addStatement("final int $L = rowCutStride($L, $L)", stride, from, to)
        .addStatement("final int $L = rowCutAt($L, $L)", at, from, to)
        .build();
  }

  /** Opens the loop of {@code k} over row {@code row}'s synapses in the range (close it after). */
  CodeBlock.Builder open(CodeBlock.Builder b, String row, String k) {
    return b.addStatement("final int $L = $L * $L + $L", cell, row, stride, at)
        .addStatement("final int $L = $L[$L + 1]", end, cuts, cell)
        .beginControlFlow("for (int $L = $L[$L]; $L < $L; $L++)", k, cuts, cell, k, end, k);
  }
}
