package club.bloom.ingestion.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.application.PartnerScope;
import club.bloom.access.domain.Caller;
import club.bloom.access.domain.Roles;
import club.bloom.ingestion.application.CsvImports;
import club.bloom.ingestion.application.CsvImports.UploadCsv;
import club.bloom.ingestion.domain.CsvImport;
import club.bloom.ingestion.domain.ImportRejection;
import club.bloom.shared.api.BodyLimits;
import club.bloom.shared.api.BodyTooLarge;
import club.bloom.shared.api.Params;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.NotFound;
import club.bloom.shared.domain.PageCursor;
import club.bloom.tenancy.domain.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A partner's daily CSV imports (ADR 0041): upload (the file is the body, {@code text/csv}), the
 * import's progress, the list, the rejected rows as CSV. Thin: the partner from the verified caller
 * and the path, one application call.
 */
@Path("/partners/{partner}/imports")
@RequestScoped
@RolesAllowed({
  Roles.IMPORTS_WRITE,
  Roles.PARTNER_OWNER,
  Roles.PARTNER_ADMIN,
  Roles.PARTNER_ANALYST
})
public class CsvImportsResource {
  private static final Pattern FILE_NAME = Pattern.compile("^[^\\p{Cntrl}/\\\\]{1,200}$");

  @Inject CurrentCaller caller;
  @Inject PartnerScope scope;
  @Inject CsvImports imports;

  /**
   * The file is read here from the servlet's stream, bounded by the route's body limit ({@code
   * bloom.http.max-body-size.routes}), after the caller's partner is checked: a stranger's upload
   * is a 404 whatever its media type, and a JSON body is not parsed.
   */
  @POST
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.IMPORTS_WRITE, Roles.PARTNER_OWNER, Roles.PARTNER_ADMIN})
  public Response upload(
      @PathParam("partner") String partner,
      @QueryParam("fileName") String fileName,
      @HeaderParam("Content-Type") String contentType,
      @Context HttpServletRequest request) {
    Caller who = caller.get();
    Tenant tenant = scope.partnerForImports(who, Params.slug("partner", partner), true);
    String media =
        contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    if (!media.equals("text/csv") && !media.equals("application/octet-stream")) {
      throw InvalidInput.of("Content-Type", "must be text/csv: the body is the CSV file");
    }
    byte[] body = read(request);
    String name = fileName == null || fileName.isBlank() ? "upload.csv" : fileName.strip();
    if (!FILE_NAME.matcher(name).matches()) {
      throw InvalidInput.of(
          "fileName", "must be 1–200 characters without slashes or control characters");
    }
    CsvImport queued =
        imports.upload(
            new UploadCsv(tenant, name, body, who.credential().name() + ":" + who.subject()));
    return Response.status(202)
        .header("Location", "/api/v1/partners/" + partner + "/imports/" + queued.id())
        .entity(ImportDto.of(partner, queued))
        .build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public ImportPage list(
      @PathParam("partner") String partner,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    Tenant tenant = scope.partnerForImports(caller.get(), Params.slug("partner", partner), false);
    int size = Params.limit(limit);
    List<CsvImport> page = imports.page(tenant, PageCursor.decode(cursor), size);
    String next =
        page.size() < size
            ? null
            : new PageCursor(page.get(page.size() - 1).createdAt(), page.get(page.size() - 1).id())
                .encode();
    return new ImportPage(page.stream().map(i -> ImportDto.of(partner, i)).toList(), next);
  }

  @GET
  @Path("/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public ImportDto get(@PathParam("partner") String partner, @PathParam("id") String id) {
    Tenant tenant = scope.partnerForImports(caller.get(), Params.slug("partner", partner), false);
    return ImportDto.of(partner, imports.find(tenant, importId(id)));
  }

  @GET
  @Path("/{id}/rejections.csv")
  @Produces("text/csv; charset=UTF-8")
  public Response rejections(@PathParam("partner") String partner, @PathParam("id") String id) {
    Tenant tenant = scope.partnerForImports(caller.get(), Params.slug("partner", partner), false);
    UUID importId = importId(id);
    StringWriter out = new StringWriter();
    try (CSVPrinter csv =
        new CSVPrinter(
            out,
            CSVFormat.RFC4180
                .builder()
                .setHeader("line", "field", "reason", "receiptNumber")
                .get())) {
      for (ImportRejection r : imports.rejections(tenant, importId)) {
        csv.printRecord(r.line(), r.field(), r.reason(), r.receiptNumber());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Response.ok(out.toString(), "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"rejections-" + importId + ".csv\"")
        .build();
  }

  private static byte[] read(HttpServletRequest request) {
    try (InputStream in = request.getInputStream()) {
      return in.readAllBytes();
    } catch (BodyLimits.TooLarge e) {
      throw new BodyTooLarge(e.limit());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static UUID importId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFound(
          "unknown-import", "Unknown import", "No import " + id + " for this caller");
    }
  }

  /** The contract's {@code CsvImport}. */
  public record ImportDto(
      UUID id,
      String status,
      String fileName,
      long fileSize,
      int rowsTotal,
      int rowsDone,
      int rowsAccepted,
      int rowsRejected,
      String uploadedAt,
      String startedAt,
      String finishedAt,
      String rejectionsUrl) {
    static ImportDto of(String partner, CsvImport i) {
      return new ImportDto(
          i.id(),
          i.status().name(),
          i.fileName(),
          i.fileSize(),
          i.rowsTotal(),
          i.rowsDone(),
          i.rowsAccepted(),
          i.rowsRejected(),
          i.createdAt().toString(),
          i.startedAt() == null ? null : i.startedAt().toString(),
          i.finishedAt() == null ? null : i.finishedAt().toString(),
          "/api/v1/partners/" + partner + "/imports/" + i.id() + "/rejections.csv");
    }
  }

  /** The contract's {@code CsvImportPage}. */
  public record ImportPage(List<ImportDto> items, String nextCursor) {}
}
