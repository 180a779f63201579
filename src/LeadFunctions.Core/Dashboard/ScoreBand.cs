namespace LeadFunctions.Core.Dashboard;

/// <param name="To">The band's highest score; null for the last, open band.</param>
public sealed record ScoreBand(int From, int? To, int Count);
