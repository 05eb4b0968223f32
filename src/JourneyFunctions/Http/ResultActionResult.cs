using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace JourneyFunctions.Http;

/// <summary>
/// Lets an HTTP function return what a shared <c>Journeys.Api</c> handler returns (<see cref="IResult"/>): the
/// ASP.NET Core integration of the isolated worker executes <see cref="IActionResult"/> return values.
/// </summary>
public sealed class ResultActionResult(IResult result) : IActionResult
{
    public IResult Result { get; } = result;

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Result.ExecuteAsync(context.HttpContext);
    }
}
