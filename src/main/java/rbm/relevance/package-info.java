/**
 * The estimators: resolution H[s], relevance H[K], the curve of maximal relevance, μ by the bound's slope and by a
 * power-law fit, and a layer's report of them all.
 */
package rbm.relevance;
