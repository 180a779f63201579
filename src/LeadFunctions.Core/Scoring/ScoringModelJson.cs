using System.Text.Json;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Scoring;

/// <summary>The scoring model as JSON, read the same by the API and the workspace's page.</summary>
public static class ScoringModelJson
{
    /// <summary>A null where the model needs an object ("fit": null) is a JSON error, hence a 400 naming it.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonDefaults.Options)
    {
        RespectNullableAnnotations = true,
    };

    private static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };

    public static string Write(ScoringModel model) => JsonSerializer.Serialize(model, Indented);

    /// <summary>The model written in <paramref name="json"/>, or null with what JSON said is wrong.</summary>
    public static (ScoringModel? Model, string? Error) Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ScoringModel>(json, Options) is { } model
                ? (model, null)
                : (null, "null");
        }
        catch (JsonException e)
        {
            return (null, e.Message);
        }
    }
}
