namespace LeadFunctions.ArchitectureTests;

/// <summary>
/// The place for the rule that Functions names Adapters types only in its composition and registration files
/// (<c>*Registration.cs</c>): the function classes reach storage, queues and vendors through Core's ports.
/// </summary>
public sealed class FunctionsCompositionRules;
