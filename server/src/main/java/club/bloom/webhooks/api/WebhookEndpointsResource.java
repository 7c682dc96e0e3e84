package club.bloom.webhooks.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.domain.VerifiedPerson;
import club.bloom.shared.api.Params;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.webhooks.api.WebhookDtos.MessageDetailDto;
import club.bloom.webhooks.api.WebhookDtos.NewWebhookEndpointDto;
import club.bloom.webhooks.api.WebhookDtos.RotationRequestDto;
import club.bloom.webhooks.api.WebhookDtos.WebhookEndpointDto;
import club.bloom.webhooks.api.WebhookDtos.WebhookEndpointWithSecretDto;
import club.bloom.webhooks.api.WebhookDtos.WebhookMessageDto;
import club.bloom.webhooks.application.WebhookDeliveryLog;
import club.bloom.webhooks.application.WebhookEndpointManagement;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * A tenant's webhook endpoints and their delivery log; {@link ClubWebhookEndpointsResource} and
 * {@link PartnerWebhookEndpointsResource} say whose, and which roles. Another tenant's endpoint or
 * message is a 404, as an unknown one.
 */
public abstract class WebhookEndpointsResource {
  @Inject CurrentCaller caller;
  @Inject WebhookEndpointManagement management;
  @Inject WebhookDeliveryLog deliveries;
  @Context UriInfo uri;

  /** The tenant of the path, for this caller (404 otherwise). */
  protected abstract Tenant tenant();

  protected String pathParameter(String name) {
    return uri.getPathParameters().getFirst(name);
  }

  protected static club.bloom.tenancy.domain.Slug slug(String field, String value) {
    return Params.slug(field, value);
  }

  @GET
  public List<WebhookEndpointDto> list() {
    return management.list(tenant()).stream().map(WebhookEndpointDto::of).toList();
  }

  @POST
  public Response create(NewWebhookEndpointDto body) {
    Tenant tenant = tenant();
    String callerEmail = caller.get().person().map(VerifiedPerson::email).orElse(null);
    var registered = management.register(tenant, NewWebhookEndpointDto.parse(body, callerEmail));
    return Response.status(201).entity(WebhookEndpointWithSecretDto.of(registered)).build();
  }

  @GET
  @Path("/{id}")
  public WebhookEndpointDto get(@PathParam("id") String id) {
    return WebhookEndpointDto.of(management.get(tenant(), WebhookDtos.id("id", id)));
  }

  @DELETE
  @Path("/{id}")
  public Response delete(@PathParam("id") String id) {
    management.delete(tenant(), WebhookDtos.id("id", id));
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/rotation")
  public Response rotate(@PathParam("id") String id, RotationRequestDto body) {
    Tenant tenant = tenant();
    var rotated =
        management.rotate(tenant, WebhookDtos.id("id", id), RotationRequestDto.grace(body));
    return Response.status(201).entity(WebhookEndpointWithSecretDto.of(rotated)).build();
  }

  @POST
  @Path("/{id}/disable")
  public WebhookEndpointDto disable(@PathParam("id") String id) {
    return WebhookEndpointDto.of(management.disable(tenant(), WebhookDtos.id("id", id)));
  }

  @POST
  @Path("/{id}/enable")
  public WebhookEndpointDto enable(@PathParam("id") String id) {
    return WebhookEndpointDto.of(management.enable(tenant(), WebhookDtos.id("id", id)));
  }

  @GET
  @Path("/{id}/messages")
  public List<WebhookMessageDto> messages(
      @PathParam("id") String id,
      @QueryParam("limit") Integer limit,
      @QueryParam("before") String before) {
    Tenant tenant = tenant();
    return deliveries
        .messages(tenant, WebhookDtos.id("id", id), Params.limit(limit), WebhookDtos.before(before))
        .stream()
        .map(WebhookMessageDto::of)
        .toList();
  }

  @GET
  @Path("/{id}/messages/{message}")
  public MessageDetailDto message(
      @PathParam("id") String id, @PathParam("message") String message) {
    Tenant tenant = tenant();
    return MessageDetailDto.of(
        deliveries.message(tenant, WebhookDtos.id("id", id), WebhookDtos.id("message", message)));
  }

  @POST
  @Path("/{id}/messages/{message}/redelivery")
  public Response redeliver(@PathParam("id") String id, @PathParam("message") String message) {
    Tenant tenant = tenant();
    var redelivered =
        deliveries.redeliver(tenant, WebhookDtos.id("id", id), WebhookDtos.id("message", message));
    return Response.status(202).entity(WebhookMessageDto.of(redelivered)).build();
  }
}
