using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeadFunctions.Core.Text;

/// <summary>The one JSON shape for queue messages, stored documents and HTTP bodies: camelCase, enums as
/// names.</summary>
public static class JsonDefaults
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
