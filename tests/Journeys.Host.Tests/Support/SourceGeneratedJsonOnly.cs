using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Journeys.Host.Tests.Support;

/// <summary>
/// The host ships with <c>JsonSerializerIsReflectionEnabledByDefault=false</c>, but tests run under the test
/// project's runtime settings; switching reflection off here too makes any body without source-generated metadata
/// fail in the tests as it would in production.
/// </summary>
internal static class SourceGeneratedJsonOnly
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "A test assembly: the switch must be set before any serializer use.")]
    internal static void SwitchReflectionOff() =>
        AppContext.SetSwitch("System.Text.Json.JsonSerializer.IsReflectionEnabledByDefault", false);
}
