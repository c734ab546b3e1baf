-- Every progress save updates its lesson_progress row (the position, the watched share). With pages
-- packed full, each update wrote a new row version on another page and an entry in both indexes; with
-- a fifth of each page kept free the update stays on its page and touches no index (a HOT update).
-- Measured on the bench's M data: 0 of 62,803 updates HOT before, 26,543 of 26,784 after (ADR 047).
-- New pages follow it at once; pages written before fill up as rows are updated and vacuumed.
ALTER TABLE "lesson_progress" SET (fillfactor = 80);
