package io.brainstem.checkpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of checkpoint manifests: maps, lists, strings, longs, doubles (written so that they read
 * back bit for bit), booleans and null. Small on purpose: the runtime has no JSON dependency.
 */
final class Json {
  private final String text;
  private int at;

  private Json(String text) {
    this.text = text;
  }

  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, "");
    return out.append('\n').toString();
  }

  private static void write(StringBuilder out, Object value, String indent) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(out, s);
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      out.append(value);
    } else if (value instanceof Double d) {
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException("a manifest number must be finite, got " + d);
      }
      out.append(d);
    } else if (value instanceof Map<?, ?> map) {
      String inner = indent + "  ";
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.append(first ? "\n" : ",\n").append(inner);
        string(out, String.valueOf(e.getKey()));
        out.append(": ");
        write(out, e.getValue(), inner);
        first = false;
      }
      out.append(map.isEmpty() ? "}" : "\n" + indent + "}");
    } else if (value instanceof List<?> list) {
      String inner = indent + "  ";
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "\n" : ",\n").append(inner);
        write(out, list.get(i), inner);
      }
      out.append(list.isEmpty() ? "]" : "\n" + indent + "]");
    } else {
      throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
    }
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException saying where the text is not JSON
   */
  static Object parse(String text) {
    Json p = new Json(text);
    Object v = p.value();
    p.skip();
    if (p.at != text.length()) {
      throw p.error("text after the end");
    }
    return v;
  }

  private Object value() {
    skip();
    if (at >= text.length()) {
      throw error("unexpected end");
    }
    char c = text.charAt(at);
    if (c == '{') {
      at++;
      Map<String, Object> map = new LinkedHashMap<>();
      skip();
      if (peek('}')) {
        return map;
      }
      do {
        skip();
        String key = str();
        skip();
        expect(':');
        map.put(key, value());
        skip();
      } while (peek(','));
      expect('}');
      return map;
    }
    if (c == '[') {
      at++;
      List<Object> list = new ArrayList<>();
      skip();
      if (peek(']')) {
        return list;
      }
      do {
        list.add(value());
        skip();
      } while (peek(','));
      expect(']');
      return list;
    }
    if (c == '"') {
      return str();
    }
    for (String word : new String[] {"true", "false", "null"}) {
      if (text.startsWith(word, at)) {
        at += word.length();
        return word.equals("null") ? null : Boolean.valueOf(word);
      }
    }
    int start = at;
    while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
    String num = text.substring(start, at);
    try {
      return num.matches("-?\\d+") ? (Object) Long.parseLong(num) : (Object) Double.parseDouble(num);
    } catch (NumberFormatException e) {
      throw error("not a value");
    }
  }

  private String str() {
    expect('"');
    StringBuilder s = new StringBuilder();
    while (at < text.length() && text.charAt(at) != '"') {
      char c = text.charAt(at++);
      if (c == '\\' && at < text.length()) {
        char e = text.charAt(at++);
        if (e == 'u' && at + 4 <= text.length()) {
          s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          at += 4;
        } else {
          s.append(switch (e) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'b' -> '\b';
            case 'f' -> '\f';
            default -> e;
          });
        }
      } else {
        s.append(c);
      }
    }
    expect('"');
    return s.toString();
  }

  private void skip() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }

  private boolean peek(char c) {
    if (at < text.length() && text.charAt(at) == c) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw error("expected '" + c + "'");
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(what + " at character " + at);
  }
}
