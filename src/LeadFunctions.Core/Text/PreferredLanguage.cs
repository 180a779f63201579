namespace LeadFunctions.Core.Text;

/// <summary>Which of <see cref="Texts.Languages"/> a browser prefers (Accept-Language).</summary>
public static class PreferredLanguage
{
    /// <summary>
    /// The language there are texts for that the browser weighs highest (the first of equals), by its primary tag;
    /// else <see cref="Texts.Fallback"/>.
    /// </summary>
    public static string Of(IEnumerable<(string Language, double Quality)> accepted) =>
        accepted
            .Select((a, order) => (Primary: a.Language.Split('-')[0].ToLowerInvariant(), a.Quality, Order: order))
            .Where(a => a.Quality > 0 && Texts.Languages.Contains(a.Primary))
            .OrderByDescending(a => a.Quality)
            .ThenBy(a => a.Order)
            .Select(a => a.Primary)
            .FirstOrDefault()
        ?? Texts.Fallback;
}
