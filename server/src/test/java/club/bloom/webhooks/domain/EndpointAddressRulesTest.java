package club.bloom.webhooks.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class EndpointAddressRulesTest {
  private final EndpointAddressRules production = new EndpointAddressRules(false);
  private final EndpointAddressRules test = new EndpointAddressRules(true);

  @Test
  void productionTakesOnlyHttpsToPublicHosts() {
    assertTrue(production.check("https://hooks.example.org/bloom?x=1").url().isPresent());
    assertEquals("must use https", refusal(production, "http://hooks.example.org/bloom"));
    assertEquals("must use https", refusal(production, "ftp://hooks.example.org/bloom"));
    assertEquals(
        "must not point to this machine or a private network",
        refusal(production, "https://localhost:8443/hook"));
    assertEquals(
        "must not point to this machine or a private network",
        refusal(production, "https://127.0.0.1/hook"));
    assertEquals(
        "must not carry a user name or password",
        refusal(production, "https://user:pw@hooks.example.org/"));
    assertEquals("must not carry a fragment", refusal(production, "https://example.org/a#b"));
    assertEquals("is not a URL", refusal(production, "https://exa mple.org/"));
    assertEquals(
        "must be an absolute https URL with a host", refusal(production, "/relative/path"));
  }

  @Test
  void testInstallationsAlsoTakeLoopbackOverHttpButNothingElsePrivate() throws Exception {
    assertTrue(test.check("http://127.0.0.1:9999/hook").url().isPresent());
    assertTrue(test.check("http://localhost:9999/hook").url().isPresent());
    assertEquals("must use https", refusal(test, "http://10.0.0.5/hook"));
    assertTrue(test.mayConnectTo(InetAddress.getByName("127.0.0.1")));
    assertFalse(test.mayConnectTo(InetAddress.getByName("10.0.0.5")));
  }

  @Test
  void privateLinkLocalAndReservedAddressesAreRefused() throws Exception {
    for (String address :
        new String[] {
          "127.0.0.1",
          "10.1.2.3",
          "172.16.0.1",
          "192.168.1.1",
          "169.254.169.254",
          "100.64.0.1",
          "0.0.0.0",
          "224.0.0.1",
          "255.255.255.255",
          "::1",
          "fe80::1",
          "fd00::1",
          "::ffff:10.0.0.1",
          "::ffff:127.0.0.1"
        }) {
      assertFalse(production.mayConnectTo(InetAddress.getByName(address)), address);
    }
    for (String address : new String[] {"93.184.216.34", "8.8.8.8", "2606:4700::1111"}) {
      assertTrue(production.mayConnectTo(InetAddress.getByName(address)), address);
    }
  }

  private static String refusal(EndpointAddressRules rules, String url) {
    return rules.check(url).refusal().orElse("accepted");
  }
}
