using JourneyFunctions.Tests.Azurite;
using Journeys.Runtime.Catalog;
using Journeys.TestSupport.Api;
using Journeys.TestSupport.Azurite;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace JourneyFunctions.Tests.Http;

/// <summary>
/// What escapes a shared handler inside an HTTP function: the same 500 problem document as the embedded host's error
/// middleware (code <c>INTERNAL_ERROR</c>, the exception only in the log), not the Functions host's empty 500.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FunctionFailureTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_store_that_throws_is_a_500_problem_without_the_exception_text()
    {
        var store = new Mock<ICatalogStore>();
        store.Setup(s => s.ListResourcesAsync(It.IsAny<CatalogResourceKind>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("AccountKey=secret-account-key at /secret/path"));
        await using var app = await FunctionsApp.StartAsync(azurite, replace: services => services.AddSingleton(store.Object));
        using var admin = app.Client(FunctionsApp.AdminKey);

        using var response = await admin.GetAsync("/api/events");

        var problem = await response.ProblemAsync(500);
        Assert.Equal(["INTERNAL_ERROR"], problem.Codes());
        Assert.DoesNotContain("secret", problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(app.Host.Failures);
    }
}
