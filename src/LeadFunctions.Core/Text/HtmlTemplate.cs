using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;

namespace LeadFunctions.Core.Text;

/// <summary>
/// A page or an email's HTML, written in Liquid under Text/Templates (embedded): every value HTML-encoded on the
/// way out (<see cref="Html.Encoder"/>), so the only markup is the template's own; a name the model does not have
/// is an error, never an empty string. Macros (<c>{% macro %}</c>) are allowed for the parts a page repeats.
/// </summary>
public sealed class HtmlTemplate
{
    private static readonly FluidParser Parser = new(new FluidParserOptions { AllowFunctions = true });

    private readonly IFluidTemplate template;

    private readonly TemplateOptions options = new()
    {
        StrictVariables = true,
        CultureInfo = CultureInfo.InvariantCulture,
    };

    /// <param name="name">The template's file name under Text/Templates.</param>
    /// <param name="models">The model's type and every type it holds that the template reads members of.</param>
    public HtmlTemplate(string name, params Type[] models)
    {
        using var stream = typeof(HtmlTemplate).Assembly.GetManifestResourceStream($"templates/{name}")
            ?? throw new InvalidOperationException($"There is no template {name}.");
        using var reader = new StreamReader(stream);

        // The file's last line break is the file's, not the output's.
        var source = reader.ReadToEnd().TrimEnd('\r', '\n');
        template = Parser.TryParse(source, out var parsed, out var error)
            ? parsed
            : throw new InvalidOperationException($"The template {name} does not parse: {error}");
        foreach (var model in models)
        {
            options.MemberAccessStrategy.Register(model);
        }
    }

    public string Render(object model) => template.Render(new TemplateContext(model, options), Html.Encoder);
}

/// <summary>HTML escaping for the pages and emails we write: markup characters escaped, Turkish letters left
/// readable.</summary>
public static class Html
{
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
}
