using JourneyFunctions.Tests;
using Microsoft.Azure.Functions.Worker;

namespace JourneyFunctions.Tests.Durable;

/// <summary>
/// The <see cref="FunctionContext"/> an activity function receives; the app's activities read only its
/// cancellation token, so everything else refuses to be used.
/// </summary>
internal sealed class ActivityFunctionContext(CancellationToken cancellationToken) : FunctionContext
{
    public override string InvocationId => throw Unused();

    public override string FunctionId => throw Unused();

    public override TraceContext TraceContext => throw Unused();

    public override BindingContext BindingContext => throw Unused();

    public override RetryContext RetryContext => throw Unused();

    public override IServiceProvider InstanceServices { get => throw Unused(); set => throw Unused(); }

    public override FunctionDefinition FunctionDefinition => throw Unused();

    public override IDictionary<object, object> Items { get => throw Unused(); set => throw Unused(); }

    public override IInvocationFeatures Features => throw Unused();

    public override CancellationToken CancellationToken => cancellationToken;

    private static NotSupportedException Unused() => new("The app's activity functions only read the cancellation token.");
}
