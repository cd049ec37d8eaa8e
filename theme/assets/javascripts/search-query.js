/* Search as patients type it: the query is rewritten before Material's search worker sees it.

   Material adds a trailing wildcard to every word, and lunr skips stemming and the stop-word
   filter for wildcard words. So "my" matched "myofascial", "the" matched "therapy", and
   "legs" did not match "leg". Here, common words ("my", "the", "can't", "makes") are dropped;
   every other word is searched as a whole word, stemmed like the index ("legs" finds "leg"),
   and only the word still being typed (the last, with no space after it) also matches as a
   beginning ("sciat" finds "sciatica"). A query written with lunr's own syntax (+, -, *, ~, ^,
   field:) is left alone. No page or DOM here: tests run `rewriteQuery` in Node.
*/
(function (root) {
  "use strict";

  // lunr's English stop words, the contractions patients type, and filler words of symptom
  // sentences ("walking makes my legs ache", "what can I do for a bad back").
  var STOP = (
    "a able about across after all almost also am among an and any are as at be because been " +
    "but by can cannot could dear did do does either else ever every for from get got had has " +
    "have he her hers him his how however i if in into is it its just least let like likely " +
    "may me might most must my neither no nor not of off often on only or other our own rather " +
    "said say says she should since so some than that the their them then there these they " +
    "this tis to too twas us wants was we were what when where which while who whom why will " +
    "with would yet you your " +
    "cant dont wont isnt doesnt didnt im ive id ill its youre theres whats " +
    "makes make making made gets getting keeps keep feel feels feeling really very much bit " +
    "lot always sometimes still now since started start help helps please best good"
  ).split(" ");
  var STOP_SET = new Set(STOP);
  // Words that say little about which page: searched with a low weight.
  var GENERIC = new Set(("pain pains painful ache aches aching hurt hurts hurting sore back " +
    "problem problems bad worse").split(" "));
  var SYNTAX = /(^|\s)[+-]|[*~^:]/;
  var MIN_PREFIX = 3;
  var WEIGHT = 10; // a whole word; a generic word or a word's beginning counts 1

  function words(query) {
    return query
      .toLowerCase()
      .replace(/[\u2018\u2019\u02bc']/g, "")
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  }

  function rewriteQuery(query) {
    if (typeof query !== "string" || SYNTAX.test(query) || query.indexOf('"') !== -1) {
      return query;
    }
    var all = words(query);
    var kept = all.filter(function (w) { return !STOP_SET.has(w); });
    if (!kept.length) return query; // only common words: let the theme search them as typed
    var typing = !/\s$/.test(query) && all.length && kept[kept.length - 1] === all[all.length - 1];
    var terms = [];
    kept.forEach(function (word, i) {
      terms.push(word + "^" + (GENERIC.has(word) ? 1 : WEIGHT));
      if (typing && i === kept.length - 1 && word.length >= MIN_PREFIX) terms.push(word + "*^1");
    });
    return terms.join(" ");
  }

  var api = { rewriteQuery: rewriteQuery, STOP_WORDS: STOP };
  if (typeof module !== "undefined" && module.exports) {
    module.exports = api;
    return;
  }
  // Material's search runs in a worker; its queries are messages of type 2 (QUERY).
  var QUERY = 2;
  if (typeof Worker !== "undefined") {
    var send = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message) {
      if (message && message.type === QUERY && typeof message.data === "string") {
        var rest = Array.prototype.slice.call(arguments, 1);
        message = { type: QUERY, data: rewriteQuery(message.data) };
        return send.apply(this, [message].concat(rest));
      }
      return send.apply(this, arguments);
    };
  }
})(this);
