using Journeys.Api.Problems;
using Microsoft.AspNetCore.Http;

namespace Journeys.Api.Security;

/// <summary>
/// Endpoint filter of the embedded host: 401 for a missing or wrong key, including the ingest key on a
/// management route. The Azure host does not use it: function keys guard its triggers.
/// </summary>
public sealed class ApiKeyFilter(ApiKeys keys, ApiKeyRole required) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var presented = context.HttpContext.Request.Headers[ApiKeys.HeaderName].ToString();
        var role = keys.RoleOf(presented);
        if (role is null)
        {
            return Problems.Problems.Unauthorized();
        }

        return ApiKeys.Allows(role.Value, required) ? await next(context) : Problems.Problems.AdminKeyRequired();
    }
}
