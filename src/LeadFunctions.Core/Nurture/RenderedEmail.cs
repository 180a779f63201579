namespace LeadFunctions.Core.Nurture;

/// <summary>A campaign step rendered for one person, in the language it was rendered in ("tr" or "en").</summary>
public sealed record RenderedEmail(string Subject, string Html, string Text, string Language);
