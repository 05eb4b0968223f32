using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Azure.Functions.Worker;

namespace JourneyFunctions.Tests.Http;

/// <summary>
/// One HTTP-triggered function of the app as the Functions host registers it: its name, the method Azure calls, its
/// <see cref="AuthorizationLevel"/>, its HTTP methods and its route under the host's route prefix, all read from the
/// same <c>[Function]</c> and <c>[HttpTrigger]</c> attributes the Worker SDK's generator reads.
/// </summary>
internal sealed class HttpFunction
{
    private readonly TemplateMatcher matcher;

    private HttpFunction(string name, MethodInfo method, HttpTriggerAttribute trigger, string routePrefix)
    {
        Name = name;
        Method = method;
        AuthorizationLevel = trigger.AuthLevel;
        Methods = new HashSet<string>(trigger.Methods ?? [], StringComparer.OrdinalIgnoreCase);
        Route = $"{routePrefix}/{trigger.Route ?? name}";
        matcher = new TemplateMatcher(TemplateParser.Parse(Route), new RouteValueDictionary());
    }

    public string Name { get; }

    public MethodInfo Method { get; }

    public AuthorizationLevel AuthorizationLevel { get; }

    /// <summary>The HTTP methods; empty means every method (as the host reads a trigger without methods).</summary>
    public IReadOnlySet<string> Methods { get; }

    /// <summary>The full route template, e.g. <c>api/events/{id}</c>.</summary>
    public string Route { get; }

    /// <summary>Every HTTP-triggered function in the assembly of <paramref name="anyAppType"/>.</summary>
    public static IReadOnlyList<HttpFunction> Discover(Type anyAppType, string routePrefix) =>
        anyAppType.Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(method => (method, function: method.GetCustomAttribute<FunctionAttribute>(), trigger: TriggerOf(method)))
            .Where(f => f.function is not null && f.trigger is not null)
            .Select(f => new HttpFunction(f.function!.Name, f.method, f.trigger!, routePrefix))
            .ToList();

    /// <summary>The route values when the request path matches this function's route template, else null.</summary>
    public RouteValueDictionary? Match(string path)
    {
        var values = new RouteValueDictionary();
        return matcher.TryMatch(path, values) ? values : null;
    }

    public bool Accepts(string method) => Methods.Count == 0 || Methods.Contains(method);

    private static HttpTriggerAttribute? TriggerOf(MethodInfo method) =>
        method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null);
}
