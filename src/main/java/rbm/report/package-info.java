/** Every picture and page: SVG charts, the reproduction report, the relevance page; each drawn from results alone. */
package rbm.report;
