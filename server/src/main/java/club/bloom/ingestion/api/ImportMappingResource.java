package club.bloom.ingestion.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.application.PartnerScope;
import club.bloom.access.domain.Roles;
import club.bloom.ingestion.application.CsvImports;
import club.bloom.ingestion.domain.ImportField;
import club.bloom.ingestion.domain.ImportMapping;
import club.bloom.shared.api.Params;
import club.bloom.shared.domain.FieldProblem;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.tenancy.domain.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The partner's column mapping for CSV imports (ADR 0041), saved once, used for every upload. */
@Path("/partners/{partner}/import-mapping")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({
  Roles.IMPORTS_WRITE,
  Roles.PARTNER_OWNER,
  Roles.PARTNER_ADMIN,
  Roles.PARTNER_ANALYST
})
public class ImportMappingResource {
  @Inject CurrentCaller caller;
  @Inject PartnerScope scope;
  @Inject CsvImports imports;

  @GET
  public MappingDto get(@PathParam("partner") String partner) {
    Tenant tenant = scope.partnerForImports(caller.get(), Params.slug("partner", partner), false);
    return MappingDto.of(imports.mappingOf(tenant));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.IMPORTS_WRITE, Roles.PARTNER_OWNER, Roles.PARTNER_ADMIN})
  public MappingDto put(@PathParam("partner") String partner, MappingDto body) {
    Tenant tenant = scope.partnerForImports(caller.get(), Params.slug("partner", partner), true);
    if (body == null) {
      throw InvalidInput.of("body", "is required");
    }
    Map<ImportField, String> columns = new EnumMap<>(ImportField.class);
    List<FieldProblem> unknown = new ArrayList<>();
    if (body.columns() != null) {
      body.columns()
          .forEach(
              (field, header) ->
                  ImportField.of(field)
                      .ifPresentOrElse(
                          f -> {
                            if (header != null && !header.isBlank()) {
                              columns.put(f, header.strip());
                            }
                          },
                          () ->
                              unknown.add(
                                  new FieldProblem(
                                      "columns." + field, "is not one of Bloom's fields"))));
    }
    if (!unknown.isEmpty()) {
      throw new InvalidInput(unknown);
    }
    ImportMapping mapping =
        ImportMapping.of(
            columns, body.delimiter(), body.decimalSeparator(), body.encoding(), body.timeZone());
    return MappingDto.of(imports.saveMapping(tenant, mapping));
  }

  /** The contract's {@code ImportMapping}. */
  public record MappingDto(
      Map<String, String> columns,
      String delimiter,
      String decimalSeparator,
      String encoding,
      String timeZone) {
    static MappingDto of(ImportMapping m) {
      Map<String, String> columns = new LinkedHashMap<>();
      m.columns().forEach((f, header) -> columns.put(f.field(), header));
      return new MappingDto(
          columns,
          String.valueOf(m.delimiter()),
          String.valueOf(m.decimalSeparator()),
          m.encoding(),
          m.timeZone().getId());
    }
  }
}
