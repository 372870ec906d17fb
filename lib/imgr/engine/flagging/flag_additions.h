// A flag's additions as a flag button reads them (plain data; flag_writer.h
// reads the components, an Interface and Blocks::flag_button fill it).
#pragma once
#include "imgr/model/component.h"

#include <cstddef>
#include <vector>

namespace imgr {

// What a person adds to a flag beside the flagged values, read from these
// components at the click (FlagRow's note and corrections).
struct FlagAdditions {
    ComponentId note = -1;  // a Textbox whose text fills the `note` column; emptied once the row is saved
    struct Correction {
        size_t field = 0;         // the flagged field (an output) it corrects
        ComponentId toggle = -1;  // a Checkbox: the correction counts only while it is checked; -1: always
        ComponentId value = -1;   // the component holding the corrected value
    };
    std::vector<Correction> corrections;
};

}  // namespace imgr
