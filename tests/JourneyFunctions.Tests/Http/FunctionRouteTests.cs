namespace JourneyFunctions.Tests.Http;

/// <summary>
/// The Functions host tries HTTP routes in the order of the functions' names, without ASP.NET Core's precedence
/// (a literal segment does not beat a parameter: Azure/azure-functions-host#9876). The app's routes must therefore
/// never both match one request, or a rename could silently send it to another function.
/// </summary>
public sealed class FunctionRouteTests
{
    [Fact]
    public void No_request_path_matches_two_functions_of_the_same_method()
    {
        var functions = HttpFunction.Discover(typeof(JourneyFunctions.Hosting.JourneyFunctionsServices), FunctionsHttpHost.RoutePrefix());
        var segments = functions.SelectMany(f => f.Route.Split('/')).Where(s => !s.StartsWith('{')).Append("x").Distinct().ToList();

        var overlaps =
            from function in functions
            from path in PathsOf(function.Route, segments)
            from other in functions
            where other != function && other.Methods.Overlaps(function.Methods) && other.Match(path) is not null
            select $"{path}: {function.Name} and {other.Name}";

        Assert.Empty(overlaps);
    }

    /// <summary>Paths the template matches, each parameter replaced by every literal segment of the app's routes (and "x").</summary>
    private static IEnumerable<string> PathsOf(string template, IReadOnlyList<string> segments)
    {
        IEnumerable<string> paths = [string.Empty];
        foreach (var segment in template.Split('/'))
        {
            var choices = segment.StartsWith('{') ? segments : [segment];
            paths = paths.SelectMany(path => choices.Select(choice => $"{path}/{choice}")).ToList();
        }

        return paths;
    }
}
