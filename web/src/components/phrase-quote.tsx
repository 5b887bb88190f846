import { Show } from 'solid-js';
import { quoteEnds } from '../lib/career-format.ts';
import type { PhraseHit } from '../lib/types.ts';
import { HighlightedText } from './highlighted-text.tsx';

/**
 * A phrase the classifier found, with the posting's own sentence around it and the phrase marked
 * in it: the reader checks the reasoning against the text, not against our word for it.
 */
export function PhraseQuote(props: { hit: PhraseHit }) {
  return (
    <li class="phrase-hit">
      <p class="phrase-head">
        <strong class="phrase">“{props.hit.phrase}”</strong>
        <span class="muted">
          {' '}
          +{props.hit.contribution}
          <Show when={props.hit.count > 1}> · found {props.hit.count} times</Show>
          <Show when={props.hit.niceToHaveOnly}> · only as a nice-to-have, so it counts less</Show>
        </span>
      </p>
      <blockquote class="posting-quote">
        {quoteEnds(props.hit.quote).before}
        <HighlightedText text={props.hit.quote} quotes={[{ quote: props.hit.phrase, key: 'phrase' }]} />
        {quoteEnds(props.hit.quote).after}
      </blockquote>
    </li>
  );
}
