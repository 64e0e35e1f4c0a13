using Xunit.Abstractions;
using Xunit.Sdk;

namespace CatInherit.Xunit;

/// <summary>
/// A test case for one check of a policy, a test of the user's method: display name <c>"{kind}: {id}"</c>
/// (plus the policy when the class uses several), traits CatInherit.Kind and CatInherit.Check.
/// </summary>
public sealed class InheritanceCheckTestCase : XunitTestCase
{
    /// <summary>For deserialization only.</summary>
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public InheritanceCheckTestCase()
    {
    }

    /// <summary>Creates the test case.</summary>
    public InheritanceCheckTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod, string policyPath, string checkId, string kind, string displayName)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
        PolicyPath = policyPath;
        CheckId = checkId;
        Kind = kind;
        CheckDisplayName = displayName;
    }

    /// <summary>The resolved policy file.</summary>
    public string PolicyPath { get; private set; } = string.Empty;

    /// <summary>The check's id.</summary>
    public string CheckId { get; private set; } = string.Empty;

    /// <summary>The check's kind.</summary>
    public string Kind { get; private set; } = string.Empty;

    /// <summary>The test's name: <c>"{kind}: {id}"</c>, plus the policy's path when the class uses several policies.</summary>
    public string CheckDisplayName { get; private set; } = string.Empty;

    /// <inheritdoc />
    public override void Serialize(IXunitSerializationInfo data)
    {
        ArgumentNullException.ThrowIfNull(data);
        base.Serialize(data);
        data.AddValue(nameof(PolicyPath), PolicyPath);
        data.AddValue(nameof(CheckId), CheckId);
        data.AddValue(nameof(Kind), Kind);
        data.AddValue(nameof(CheckDisplayName), CheckDisplayName);
    }

    /// <inheritdoc />
    public override void Deserialize(IXunitSerializationInfo data)
    {
        ArgumentNullException.ThrowIfNull(data);
        PolicyPath = data.GetValue<string>(nameof(PolicyPath));
        CheckId = data.GetValue<string>(nameof(CheckId));
        Kind = data.GetValue<string>(nameof(Kind));
        CheckDisplayName = data.GetValue<string>(nameof(CheckDisplayName));
        base.Deserialize(data);
    }

    /// <inheritdoc />
    public override Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource) =>
        new InheritanceCheckRunner(this, messageBus, aggregator, cancellationTokenSource).RunAsync();

    /// <inheritdoc />
    protected override void Initialize()
    {
        base.Initialize();
        DisplayName = CheckDisplayName;
        Traits["CatInherit.Kind"] = [Kind];
        Traits["CatInherit.Check"] = [CheckId];
    }

    /// <inheritdoc />
    protected override string GetUniqueID() => $"{base.GetUniqueID()}:{PolicyPath}:{CheckId}";
}
