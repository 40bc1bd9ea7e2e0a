-- A newly vetted member whose first name and initial another member goes by is shown with a number
-- after them ("Sam S. 2", ShownNames). That name is the platform's, not one the member chose: it
-- follows their roster name, and clearing the profile's name box keeps it.
ALTER TABLE members ADD COLUMN display_name_numbered boolean NOT NULL DEFAULT false;
