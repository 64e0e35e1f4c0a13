namespace CatInherit.CodeFirst;

/// <summary>How an out-of-distribution check scores each sample (higher = more in-distribution).</summary>
public enum OodScore
{
    /// <summary><c>msp</c>: the largest class probability (the default).</summary>
    Msp,

    /// <summary><c>max_logit</c>: the largest logit.</summary>
    MaxLogit,

    /// <summary><c>energy</c>: T·logsumexp(logits / T).</summary>
    Energy,

    /// <summary><c>mahalanobis</c>: −the smallest Mahalanobis distance of the model's output to a class mean fitted on labelled data (<see cref="OodCheck.FittedOn"/>).</summary>
    Mahalanobis,

    /// <summary><c>knn</c>: −the cosine distance of the model's output to its k-th nearest fitted output (<see cref="OodCheck.FittedOn"/>, <see cref="OodCheck.Neighbors"/>).</summary>
    Knn,
}
