using LeadFunctions.Functions.Http;

namespace LeadFunctions.Host.Http;

/// <summary>Every error the runtime answers itself is RFC 9457 problem+json, with the status and headers of
/// <see cref="ErrorAnswers"/>.</summary>
internal static class ProblemResponses
{
    public static IServiceCollection AddRuntimeProblems(this IServiceCollection services) =>
        services.AddProblemDetails(options =>
            options.CustomizeProblemDetails = context =>
                ErrorAnswers.Describe(context.HttpContext, context.ProblemDetails)
        );

    public static WebApplication UseRuntimeProblems(this WebApplication app)
    {
        var answers = app.Services.GetRequiredService<ErrorAnswers>();
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = answers.StatusCodeFor });
        app.UseStatusCodePages();
        return app;
    }
}
