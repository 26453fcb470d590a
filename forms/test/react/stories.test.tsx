// @vitest-environment jsdom
// Runs every story's play function (the interaction tests) under jsdom through portable stories.
import '../support/jsdom-setup';
import { cleanup } from '@testing-library/react';
import { composeStories, setProjectAnnotations } from '@storybook/react-vite';
import { afterEach, describe, expect, it } from 'vitest';
import preview from '../../.storybook/preview';
import * as attachments from '../../stories/AttachmentsWidget.stories';
import * as date from '../../stories/DateWidget.stories';
import * as department from '../../stories/DepartmentWidget.stories';
import * as intake from '../../stories/DisputeIntake.stories';
import * as orgUnit from '../../stories/OrgUnitWidget.stories';
import * as regions from '../../stories/RegionsWidget.stories';

setProjectAnnotations([preview]);

/** What the test needs of a composed story. */
interface RunnableStory {
  play?: unknown;
  run: () => Promise<void>;
  load: () => Promise<void>;
}

// A portable story stays mounted until the next one runs, so the last story of the file would
// still hold antd's pending timers when jsdom is torn down (a timer firing after teardown fails
// the run with "window is not defined"). `load()` runs the pending cleanups, which unmount it.
let mounted: RunnableStory | undefined;
afterEach(async () => {
  await mounted?.load();
  expect(document.body.children).toHaveLength(0);
  mounted = undefined;
  cleanup();
});

const files: Record<string, Record<string, RunnableStory>> = {
  attachments: composeStories(attachments),
  date: composeStories(date),
  department: composeStories(department),
  intake: composeStories(intake),
  orgUnit: composeStories(orgUnit),
  regions: composeStories(regions),
};

for (const [file, composed] of Object.entries(files)) {
  describe(`${file} stories`, () => {
    const stories = Object.entries(composed);
    it('has stories with play functions', () => {
      expect(stories.length).toBeGreaterThan(0);
      for (const [, story] of stories) expect(story.play).toBeTypeOf('function');
    });
    for (const [name, story] of stories) {
      it(name, async () => {
        mounted = story;
        await story.run();
      });
    }
  });
}
