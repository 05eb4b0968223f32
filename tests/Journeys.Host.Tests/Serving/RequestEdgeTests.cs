using System.Net;
using Journeys.Host.Tests.Support;

namespace Journeys.Host.Tests.Serving;

/// <summary>
/// Issue 11 item 11: an over-long URI, which Kestrel would answer with an empty 414, and the profile id limit of
/// the instance route, which is the ingest limit.
/// </summary>
public sealed class RequestEdgeTests
{
    [Fact]
    public async Task An_over_long_uri_is_a_414_problem_document()
    {
        await using var api = await ApiHost.StartAsync();

        using var response = await api.Admin.GetAsync("/api/events/" + new string('a', 20_000));

        var problem = await response.ProblemAsync(414);
        Assert.Equal(["URI_TOO_LONG"], problem.Codes());
    }

    [Fact]
    public async Task The_instance_route_takes_profile_ids_up_to_the_ingest_limit_of_256()
    {
        await using var api = await ApiHost.StartAsync();

        using var response = await api.Admin.GetAsync("/api/journeys/abandoned-cart/instances/" + new string('p', 257));

        var problem = await response.ProblemAsync(400);
        Assert.Equal(["PROFILE_ID_INVALID"], problem.Codes());
        Assert.Contains("256", (string)problem["errors"]![0]!["message"]!, StringComparison.Ordinal);
    }
}
