package io.brainstem.processor.ir;

/** One assignment statement of a {@code @Reset} or {@code @OnPre} body: {@code state op= value}. */
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
