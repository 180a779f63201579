using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace LeadFunctions.Core.Text;

/// <summary>HTML escaping for the pages and emails we write: markup characters escaped, Turkish letters left
/// readable.</summary>
public static class Html
{
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
}
