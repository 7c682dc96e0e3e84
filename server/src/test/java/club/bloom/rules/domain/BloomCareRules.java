package club.bloom.rules.domain;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Bloom&amp;Care's default rule set, read from {@code demo/bloom-care-rules.json} (the body of
 * {@code PUT /clubs/bloom-care/rules}, as the demo loader sends it).
 */
public final class BloomCareRules {
  private BloomCareRules() {}

  public static RuleSet load() {
    try (InputStream in = BloomCareRules.class.getResourceAsStream("/demo/bloom-care-rules.json");
        JsonReader reader = Json.createReader(in)) {
      JsonObject body = reader.readObject();
      List<RuleDefinition> rules =
          body.getJsonArray("rules").getValuesAs(JsonObject.class).stream()
              .map(BloomCareRules::rule)
              .toList();
      String cap = body.getString("maxAccrualPercent", null);
      return new RuleSet(rules, cap == null ? null : new BigDecimal(cap));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RuleDefinition rule(JsonObject r) {
    JsonObject effect = r.getJsonObject("effect");
    return new RuleDefinition(
        r.getString("code"),
        r.getString("name"),
        r.getInt("priority"),
        r.getBoolean("exclusive", false),
        r.getString("condition"),
        EffectKind.valueOf(effect.getString("kind")),
        new BigDecimal(effect.getString("value")),
        effect.getString("currency", RuleDefinition.POINTS),
        effect.containsKey("expiresInDays") ? effect.getInt("expiresInDays") : null,
        r.getBoolean("active", true));
  }
}
