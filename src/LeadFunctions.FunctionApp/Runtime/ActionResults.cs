using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace LeadFunctions.FunctionApp;

// The worker's ASP.NET Core integration executes an IActionResult a function returns, but not an IResult
// (that would be serialized as a body), and the function classes answer with IResult.
internal static class ActionResults
{
    /// <summary>Also for a typed <c>Results&lt;…&gt;</c> answer, which is an IResult too.</summary>
    public static async Task<IActionResult> AsActionResult<TResult>(this Task<TResult> result)
        where TResult : IResult => (await result).AsActionResult();

    public static IActionResult AsActionResult(this IResult result) => new ExecutingResult(result);

    private sealed class ExecutingResult(IResult result) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
    }
}
