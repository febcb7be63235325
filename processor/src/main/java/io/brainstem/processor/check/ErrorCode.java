package io.brainstem.processor.check;

/**
 * Every error Brainstem reports, with a stable number. Numbers are never reused or renumbered:
 * users search for them and docs/error-codes.md lists each one with an example.
 *
 * <p>0xx: the processor itself; 1xx: the model class; 2xx: fields; 3xx: methods and expressions;
 * 4xx: rules on the whole model; 5xx: warnings, for models that are legal but probably not what
 * was meant (reported only for a model without errors, and suppressible, see {@link #isWarning}).
 */
public enum ErrorCode {
  INTERNAL(1),
  CANNOT_WRITE(2),

  NOT_TOP_LEVEL(101),
  NOT_A_CLASS(102),
  NOT_INSTANTIABLE(103),
  UNKNOWN_NAME(104),
  RESERVED_NAME(105),
  NEURON_AND_SYNAPSE(106),
  WRONG_MODEL_KIND(107),
  INHERITED_MEMBER(108),
  CONSTRUCTOR_CODE(109),

  FIELD_NOT_DOUBLE(201),
  BAD_FIELD_MODIFIER(202),
  NOT_A_CONSTANT(203),
  CONFLICTING_ROLES(204),
  REFRACTORY_NOT_PARAM(205),
  DUPLICATE_REFRACTORY(206),
  INVALID_NAME(207),
  BAD_UNIT(208),
  TRAINABLE_NOT_PARAM(209),

  BAD_SIGNATURE(301),
  BAD_BODY(302),
  UNSUPPORTED_EXPRESSION(303),
  UNSUPPORTED_FUNCTION(304),
  WRONG_ARITY(305),
  INTEGER_DIVISION(306),
  NARROW_ARITHMETIC(307),
  TYPE_MISMATCH(308),
  NOT_A_STATE(309),
  UNIT_MISMATCH(310),
  NOT_DIMENSIONLESS(311),
  RESULT_UNIT(312),
  UNIT_NAME(399),

  DUPLICATE_ODE(401),
  DUPLICATE_METHOD(402),
  RESET_WITHOUT_THRESHOLD(403),
  MISSING_ON_PRE(404),
  MISSING_OUTPUT(405),
  DUPLICATE_NOISE(410),
  NOISE_WITHOUT_ODE(411),
  NONLINEAR_EXP_EULER(412),
  METHOD_NOT_GENERATED(413),
  CROSSING_WITHOUT_DYNAMICS(420),
  HOME_ON_NEURON(430),
  HOME_WITHOUT_VARIABLE(431),
  SHARED_STATE_NOT_ADDITIVE(432),
  LUMPED_READS_SYNAPSE(433),
  SYNAPSE_ODE_UNSUPPORTED(434),
  PRE_WRITTEN(435),
  CONFLICTING_HOMES(436),
  EVENT_WRITE_HOME(437),
  EVENT_DRIVEN_NOT_LINEAR(438),
  EVENT_DRIVEN_READ_BY_CLOCK(439),
  GRADED_WITH_SPIKES(440),
  PRE_WITHOUT_GRADED(441),
  NOT_DIFFERENTIABLE(450),
  BACKWARD_WITH_NOISE(451),
  SYNAPSE_NOT_DIFFERENTIABLE(452),
  BACKWARD_PER_SYNAPSE_STATE(453),
  BACKWARD_PLASTIC(454),

  STATE_NEVER_UPDATED(501),
  PARAM_NEVER_USED(502),
  INPUT_NEVER_READ(503),
  POST_NEVER_READ(504),
  TIME_CONSTANT_IN_SECONDS(505),
  UNIT_NAMED_VARIABLE(506);

  private final int number;

  ErrorCode(int number) {
    this.number = number;
  }

  public int number() {
    return number;
  }

  /**
   * 5xx codes are warnings: the model compiles. {@code @SuppressWarnings("brainstem")} on the
   * model class (or on the field or method warned about) silences all of them, and
   * {@code @SuppressWarnings("brainstem:BS502")} one code.
   */
  public boolean isWarning() {
    return number >= 500 && number < 600;
  }

  /** The {@code @SuppressWarnings} key for this code alone, e.g. {@code brainstem:BS502}. */
  public String suppressionKey() {
    return Diagnostics.SUPPRESS_ALL + ":" + String.format("BS%03d", number);
  }

  /** The tag every message starts with, e.g. {@code BS104 UNKNOWN_NAME}. */
  public String tag() {
    return String.format("BS%03d %s", number, name());
  }
}
