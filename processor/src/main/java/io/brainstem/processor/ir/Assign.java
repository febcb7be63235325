package io.brainstem.processor.ir;

/**
 * One assignment statement of a {@code @Reset} or {@code @OnPre} body: {@code state op= value}.
 * {@code state} names a state, or in an {@code @OnPre} possibly a {@code @Post} field (the
 * postsynaptic variable itself is written).
 */
public record Assign(String state, AssignOp op, Expr value) {

  public enum AssignOp {
    SET("="),
    ADD("+="),
    SUB("-="),
    MUL("*="),
    DIV("/=");

    public final String symbol;

    AssignOp(String symbol) {
      this.symbol = symbol;
    }
  }
}
