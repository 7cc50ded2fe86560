using System.Linq.Expressions;
using System.Reflection;
using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Infrastructure.Persistence;

/// <summary>
/// Applies an Ardalis specification to an EF Core query: the core package's Where, Order and Pagination evaluators,
/// plus what the EF package would add and is not served here: includes (filtered ones too), case-insensitive LIKE
/// search, tracking options, split queries and the projection of <see cref="ISpecification{T, TResult}"/>.
/// </summary>
internal static class SpecificationEvaluator
{
    private static readonly MethodInfo IncludeMethod = typeof(EntityFrameworkQueryableExtensions).GetTypeInfo()
        .GetDeclaredMethods(nameof(EntityFrameworkQueryableExtensions.Include))
        .Single(m => m.GetParameters()[1].ParameterType.IsGenericType
            && m.GetParameters()[1].ParameterType.GetGenericTypeDefinition() == typeof(Expression<>));

    private static readonly MethodInfo ThenIncludeAfterReferenceMethod = typeof(EntityFrameworkQueryableExtensions).GetTypeInfo()
        .GetDeclaredMethods(nameof(EntityFrameworkQueryableExtensions.ThenInclude))
        .Single(m => !m.GetParameters()[0].ParameterType.GetGenericArguments()[1].IsGenericParameter);

    private static readonly MethodInfo ThenIncludeAfterCollectionMethod = typeof(EntityFrameworkQueryableExtensions).GetTypeInfo()
        .GetDeclaredMethods(nameof(EntityFrameworkQueryableExtensions.ThenInclude))
        .Single(m => m.GetParameters()[0].ParameterType.GetGenericArguments()[1].IsGenericParameter);

    private static readonly MethodInfo LikeMethod = typeof(DbFunctionsExtensions).GetMethod(
        nameof(DbFunctionsExtensions.Like),
        [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    public static IQueryable<T> Apply<T>(IQueryable<T> source, ISpecification<T> specification, bool criteriaOnly = false)
        where T : class
    {
        var query = WhereEvaluator.Instance.GetQuery(source, specification);
        query = ApplySearch(query, specification);
        query = ApplyIncludes(query, specification);
        if (!criteriaOnly)
        {
            query = OrderEvaluator.Instance.GetQuery(query, specification);
            query = PaginationEvaluator.Instance.GetQuery(query, specification);
        }

        if (specification.IgnoreQueryFilters)
        {
            query = query.IgnoreQueryFilters();
        }

        if (specification.AsSplitQuery)
        {
            query = query.AsSplitQuery();
        }

        if (specification.AsNoTracking)
        {
            query = query.AsNoTracking();
        }
        else if (specification.AsNoTrackingWithIdentityResolution)
        {
            query = query.AsNoTrackingWithIdentityResolution();
        }
        else if (specification.AsTracking)
        {
            query = query.AsTracking();
        }

        return query;
    }

    public static IQueryable<TResult> Apply<T, TResult>(IQueryable<T> source, ISpecification<T, TResult> specification)
        where T : class
    {
        var query = Apply(source, (ISpecification<T>)specification);
        if (specification.Selector is not null)
        {
            return query.Select(specification.Selector);
        }

        if (specification.SelectorMany is not null)
        {
            return query.SelectMany(specification.SelectorMany);
        }

        throw new InvalidOperationException($"{specification.GetType().Name} has no selector.");
    }

    /// <summary>Criteria in one search group are OR-ed, groups are AND-ed; '\' escapes wildcards in the term.</summary>
    private static IQueryable<T> ApplySearch<T>(IQueryable<T> query, ISpecification<T> specification)
    {
        foreach (var group in specification.SearchCriterias.GroupBy(c => c.SearchGroup))
        {
            var parameter = Expression.Parameter(typeof(T), "x");
            Expression? body = null;
            foreach (var criterion in group)
            {
                var selector = ParameterReplacer.Replace(criterion.Selector.Body, criterion.Selector.Parameters[0], parameter);
                var like = Expression.Call(
                    LikeMethod,
                    Expression.Property(null, typeof(EF), nameof(EF.Functions)),
                    selector,
                    Expression.Constant(criterion.SearchTerm),
                    Expression.Constant("\\"));
                body = body is null ? like : Expression.OrElse(body, like);
            }

            query = query.Where(Expression.Lambda<Func<T, bool>>(body!, parameter));
        }

        return query;
    }

    private static IQueryable<T> ApplyIncludes<T>(IQueryable<T> query, ISpecification<T> specification)
        where T : class
    {
        foreach (var includeString in specification.IncludeStrings)
        {
            query = query.Include(includeString);
        }

        IQueryable current = query;
        foreach (var include in specification.IncludeExpressions)
        {
            var lambda = include.LambdaExpression;
            var propertyType = lambda.ReturnType;
            MethodInfo method;
            if (include.Type == IncludeTypeEnum.Include)
            {
                method = IncludeMethod.MakeGenericMethod(typeof(T), propertyType);
            }
            else if (include.PreviousPropertyType is { } previous
                && previous.IsGenericType
                && typeof(IEnumerable<>).MakeGenericType(previous.GetGenericArguments()[0]).IsAssignableFrom(previous))
            {
                method = ThenIncludeAfterCollectionMethod.MakeGenericMethod(typeof(T), previous.GetGenericArguments()[0], propertyType);
            }
            else
            {
                method = ThenIncludeAfterReferenceMethod.MakeGenericMethod(typeof(T), include.PreviousPropertyType!, propertyType);
            }

            current = (IQueryable)method.Invoke(null, [current, lambda])!;
        }

        return (IQueryable<T>)current;
    }

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        public static Expression Replace(Expression body, ParameterExpression from, ParameterExpression to) =>
            new ParameterReplacer(from, to).Visit(body);

        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
