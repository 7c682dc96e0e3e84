package club.bloom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.model.StaffInvitationRequest;
import club.bloom.client.model.StaffMember;
import club.bloom.client.model.StaffRole;
import club.bloom.e2e.Fixtures.ClubFixture;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A staff invitation of an existing login accepted in a real browser (the portal's {@code
 * e2e/staff-invitation.e2e.mjs}): a member of the club is invited as its admin; she opens the link
 * from the real mail, signs in, accepts and lands in the club's console with the role. Screenshot
 * under {@code server/target/screenshots/}.
 */
class StaffInvitationBrowserIT {
  private static final Pattern LINK =
      Pattern.compile("(http\\S+/#/c/[a-z0-9-]+/staff-invitation/[A-Za-z0-9_-]{43})");

  @Test
  void anInvitedMemberAcceptsInThePortalAndOpensTheConsole() throws Exception {
    ClubFixture club = Fixtures.club();
    var member = club.member();
    StaffMember pending =
        club.admin()
            .staff()
            .inviteClubStaff(
                club.slug(),
                new StaffInvitationRequest().email(member.email()).role(StaffRole.CLUB_ADMIN));
    assertEquals(StaffMember.StatusEnum.PENDING, pending.getStatus());
    Mailbox.Mail mail = Mailbox.of(member.email()).awaitMail(m -> LINK.matcher(m.text()).find());
    Matcher link = LINK.matcher(mail.text());
    assertTrue(link.find(), mail.text());

    Path portal = Path.of(System.getProperty("bloom.portal.dir", "../portal")).toAbsolutePath();
    Path build = Path.of(System.getProperty("bloom.build.dir", "target")).toAbsolutePath();
    Path screenshots = Files.createDirectories(build.resolve("screenshots"));
    String name = "staff-invitation";
    Path log = screenshots.resolve(name + ".log");
    ProcessBuilder node =
        new ProcessBuilder("node", "e2e/staff-invitation.e2e.mjs")
            .directory(portal.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    node.environment()
        .putAll(
            java.util.Map.of(
                "INVITATION_URL", link.group(1),
                "USERNAME", member.email(),
                "PASSWORD", member.password(),
                "SCREENSHOT", screenshots.resolve(name + ".png").toString()));
    Process process = node.start();
    boolean finished = process.waitFor(180, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    String output = Files.readString(log);
    System.out.println(output);
    assertTrue(finished, "the browser test did not finish in 180 s:\n" + output);
    assertEquals(0, process.exitValue(), "browser test failed:\n" + output);
    assertTrue(Files.size(screenshots.resolve(name + ".png")) > 10_000);
    assertTrue(
        club.admin().staff().listClubStaff(club.slug()).stream()
            .anyMatch(
                m ->
                    m.getId().equals(pending.getId())
                        && m.getStatus() == StaffMember.StatusEnum.ACTIVE
                        && m.getRoles().contains(StaffRole.CLUB_ADMIN)));
  }
}
