using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Journeys.Api.Http;
using Journeys.Api.Json;
using Journeys.Core.Model;
using Journeys.Core.Serialization;
using Journeys.Core.Validation;
using Journeys.Runtime.Catalog;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Journeys.Api.Endpoints;

/// <summary>
/// Journeys (SPEC §4, §6): the draft (PUT/GET with the draft ETag), the list, and the lifecycle operations validate,
/// publish, close and stop. Plain handlers, callable from an Azure Functions HTTP trigger as they are.
/// </summary>
public static class JourneyEndpoints
{
    private static readonly JsonTypeInfo<Journey> JourneyTypeInfo = (JsonTypeInfo<Journey>)ContractJson.Options.GetTypeInfo(typeof(Journey));

    /// <summary>Writes the draft: 201 with <c>Location</c> when the journey is new, 200 when its draft was replaced. Drafts are not validated here.</summary>
    public static async Task<IResult> PutJourneyAsync(
        HttpRequest request, string id, [FromServices] JourneyCatalog journeys, [FromServices] ApiOptions options, CancellationToken cancellationToken)
    {
        if (ApiProblems.CheckId(id) is { } badId)
        {
            return badId;
        }

        var (conditional, badHeader) = ConditionalRequest.Read(request);
        if (badHeader is not null)
        {
            return badHeader;
        }

        var body = await RequestBody.ReadJsonAsync(request, options.ConfigurationBodyLimit, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var parsed = ContractJson.ReadJourney(body.Bytes.Span);
        if (!parsed.Succeeded)
        {
            return ApiProblems.UnreadableBody(parsed.Errors);
        }

        var result = await journeys.PutDraftAsync(id, parsed.Value!, conditional!.WriteCondition, cancellationToken);
        if (!result.Succeeded)
        {
            return ApiProblems.FromCatalog(result.Failure);
        }

        var details = result.Value.Value;
        return JsonResponses.Put(result.Value.Created, $"/api/journeys/{Uri.EscapeDataString(id)}", ToView(details), ApiJson.Context.JourneyView, details.DraftETag);
    }

    /// <summary>The journey with its draft ETag; 304 when <c>If-None-Match</c> names the draft ETag, 412 when <c>If-Match</c> does not.</summary>
    public static async Task<IResult> GetJourneyAsync(HttpRequest request, string id, [FromServices] JourneyCatalog journeys, CancellationToken cancellationToken)
    {
        if (ApiProblems.CheckId(id) is { } badId)
        {
            return badId;
        }

        var (conditional, badHeader) = ConditionalRequest.Read(request);
        if (badHeader is not null)
        {
            return badHeader;
        }

        var result = await journeys.GetAsync(id, cancellationToken);
        return result.Succeeded
            ? conditional!.EvaluateRead(result.Value.DraftETag) ?? JsonResponses.Ok(ToView(result.Value), ApiJson.Context.JourneyView, result.Value.DraftETag)
            : ApiProblems.FromCatalog(result.Failure);
    }

    public static async Task<IResult> ListJourneysAsync([FromServices] JourneyCatalog journeys, CancellationToken cancellationToken)
    {
        IReadOnlyList<JourneyView> views = (await journeys.ListAsync(cancellationToken)).Select(ToView).ToList();
        return JsonResponses.Ok(views, ApiJson.Context.IReadOnlyListJourneyView);
    }

    /// <summary>200 with every problem at once, valid or not: an invalid draft is the answer, not a failed request.</summary>
    public static async Task<IResult> ValidateJourneyAsync(string id, [FromServices] JourneyCatalog journeys, CancellationToken cancellationToken)
    {
        if (ApiProblems.CheckId(id) is { } badId)
        {
            return badId;
        }

        var result = await journeys.ValidateAsync(id, cancellationToken);
        if (!result.Succeeded)
        {
            return ApiProblems.FromCatalog(result.Failure);
        }

        var validation = result.Value;
        var response = new ValidationResponse(validation.IsValid, ToViews(validation.Errors), ToViews(validation.Warnings));
        return JsonResponses.Ok(response, ApiJson.Context.ValidationResponse);
    }

    /// <summary>
    /// <c>{ "version": n }</c>; 409 with the validation errors when the draft is invalid. An optional <c>If-Match</c>
    /// on the draft ETag publishes exactly the draft the caller looked at (412 otherwise).
    /// </summary>
    public static async Task<IResult> PublishJourneyAsync(HttpRequest request, string id, [FromServices] JourneyCatalog journeys, CancellationToken cancellationToken)
    {
        if (ApiProblems.CheckId(id) is { } badId)
        {
            return badId;
        }

        // Only If-Match applies to publish; If-None-Match is checked for syntax like everywhere else.
        var (conditional, badHeader) = ConditionalRequest.Read(request);
        if (badHeader is not null)
        {
            return badHeader;
        }

        var result = await journeys.PublishIfChangedAsync(id, conditional!.IfMatch, cancellationToken);
        return result.Succeeded
            ? JsonResponses.Ok(new PublishResponse(result.Value.LiveVersion ?? 0, ToViews(result.Value.Warnings)), ApiJson.Context.PublishResponse)
            : ApiProblems.FromCatalog(result.Failure, invalidStatus: 409);
    }

    public static async Task<IResult> CloseJourneyAsync(string id, [FromServices] JourneyCatalog journeys, CancellationToken cancellationToken) =>
        ApiProblems.CheckId(id) ?? Lifecycle(await journeys.CloseAsync(id, cancellationToken));

    public static async Task<IResult> StopJourneyAsync(string id, [FromServices] JourneyCatalog journeys, CancellationToken cancellationToken) =>
        ApiProblems.CheckId(id) ?? Lifecycle(await journeys.StopAsync(id, cancellationToken));

    /// <summary>
    /// Stop, then <paramref name="afterStop"/> with the change when it succeeded: the Azure app raises the stop event
    /// to the journey's orchestrations there, through the Durable client its invocation binds.
    /// </summary>
    public static async Task<IResult> StopJourneyThenAsync(
        string id, JourneyCatalog journeys, Func<JourneyLifecycleChange, CancellationToken, Task> afterStop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        ArgumentNullException.ThrowIfNull(afterStop);
        if (ApiProblems.CheckId(id) is { } invalid)
        {
            return invalid;
        }

        var result = await journeys.StopAsync(id, cancellationToken);
        if (result.Succeeded)
        {
            await afterStop(result.Value, cancellationToken);
        }

        return Lifecycle(result);
    }

    private static IResult Lifecycle(CatalogResult<JourneyLifecycleChange> result) =>
        result.Succeeded
            ? JsonResponses.Ok(
                new LifecycleResponse(result.Value.JourneyId, result.Value.Status, result.Value.LiveVersion, result.Value.EndedVersions),
                ApiJson.Context.LifecycleResponse)
            : ApiProblems.FromCatalog(result.Failure);

    private static JourneyView ToView(JourneyDetails details) =>
        new(details.Id, details.DraftETag, details.DraftUpdatedAt, details.Status, details.LiveVersion, details.Versions,
            JsonSerializer.SerializeToElement(details.Draft, JourneyTypeInfo));

    private static List<ValidationIssueView> ToViews(IEnumerable<ValidationIssue> issues) =>
        issues.Select(i => new ValidationIssueView(i.Code, i.Node, i.Path, i.Message)).ToList();
}
